import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Config, flush, handle, run } from '@oclif/core';
import { Exit } from '@oclif/core/handle';
import { LOGGER, type Logger } from '@bss/platform';
import { bootCliApp, lendWarmCliApp, type CliApp } from '#bss/base/cli-app';
import { buildStamp, EXECUTOR_PROTOCOL, executorSocketPath, isForwardedEnv, type ExecutorMessage, type ExecutorRequest } from './warm-client';

/*
 * The warm executor: a `bss` process `npm start` keeps running, with every command module loaded
 * and every context linked to an open database, behind a Unix socket in BSS_HOME. The launcher
 * (bin/run.js) hands it a call and relays what it prints, so a call with the system up costs a
 * Node start-up instead of ~0.7 s of module loading and Nest boot.
 *
 * One call at a time: a call patches process-wide state (stdout/stderr, cwd, env, argv), so a
 * second launcher arriving meanwhile is told `busy` and runs in its own process.
 * Who may call: the socket is created mode 0600 (umask) in the user's state folder, so only the
 * user who runs `npm start` (and root) can connect — exactly who could run `bss` in-process with
 * the same checkout. The call runs under the forwarded BSS_CLI_ACTOR and the `cli` channel, as
 * in-process (BssCommand.run reads them per call).
 */

export interface WarmExecutorOptions {
  /** The database the executor holds; a launcher that would use another runs in-process. */
  databaseUrl: string;
  /** embedded: the checkout's own Postgres, which a launcher without BSS_DB_URL also uses. */
  databaseSource: 'embedded' | 'external';
  /** Told after each call (the process' IPC channel, when forked): tests prove a call went through here. */
  onServed?: (call: { argv: string[]; exit: number; ms: number }) => void;
}

export interface WarmExecutor {
  socketPath: string;
  close(): Promise<void>;
}

type Write = typeof process.stdout.write;

interface StreamState {
  write: Write;
  isTTY: boolean | undefined;
  columns: number | undefined;
}

const binDir = join(__dirname, '..', '..', 'bin');

export async function startWarmExecutor(options: WarmExecutorOptions): Promise<WarmExecutor> {
  const socketPath = executorSocketPath();
  if (!socketPath) throw new Error('cannot find the state folder for the executor socket');
  process.env.BSS_DB_URL = options.databaseUrl;
  const build = buildStamp();
  const config = await Config.load(binDir);
  // Every command module now, not on a call's clock.
  await Promise.all(config.commands.map((command) => command.load()));
  const app: CliApp = await bootCliApp({ everyContext: true });
  lendWarmCliApp(app);
  const logger = app.context.get<Logger>(LOGGER);

  let busy = false;
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffered = '';
    const onData = (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      socket.off('data', onData);
      let request: ExecutorRequest;
      try {
        request = JSON.parse(buffered.slice(0, newline)) as ExecutorRequest;
      } catch {
        return void socket.destroy(); // not a launcher of ours
      }
      const send = (message: ExecutorMessage) => socket.write(`${JSON.stringify(message)}\n`);
      const refusal = refuse(request, options, build);
      if (refusal) return void socket.end(`${JSON.stringify({ fallback: refusal } satisfies ExecutorMessage)}\n`);
      if (busy) return void socket.end(`${JSON.stringify({ fallback: 'busy' } satisfies ExecutorMessage)}\n`);
      busy = true;
      send({ accepted: true });
      const started = performance.now();
      void serve(config, logger, request, socket, send)
        .catch((error: Error) => {
          // serve() hands a command's own failures to oclif's handler; this is the executor failing.
          send({ fd: 2, data: `bss: the warm executor failed: ${error.stack ?? error.message}\n` });
          return 1;
        })
        .then((exit) => {
          // Told before the launcher learns the exit code, so whoever waits on the launcher has heard it.
          options.onServed?.({ argv: request.argv, exit, ms: Math.round(performance.now() - started) });
          socket.end(`${JSON.stringify({ exit } satisfies ExecutorMessage)}\n`);
        })
        .finally(() => {
          busy = false;
        });
    };
    socket.on('data', onData);
    socket.on('error', () => undefined); // a launcher that went away (Ctrl-C): its call still finishes here
  });

  if (existsSync(socketPath)) rmSync(socketPath); // a stale socket of a killed earlier run
  // Created 0600 from the start (no window in which another user could connect before a chmod).
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socketPath, 0o600);

  return {
    socketPath,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
      await app.context.close();
    },
  };
}

/** Why this executor must not take the call (the launcher then runs it itself), or undefined. */
function refuse(request: ExecutorRequest, options: WarmExecutorOptions, build: number): 'protocol' | 'stale' | 'database' | undefined {
  if (request.protocol !== EXECUTOR_PROTOCOL) return 'protocol';
  if (request.build !== build) return 'stale';
  // In-process the call would use BSS_DB_URL when set, else the checkout's embedded Postgres.
  const wanted = request.env.BSS_DB_URL;
  if (wanted ? wanted !== options.databaseUrl : options.databaseSource !== 'embedded') return 'database';
  return undefined;
}

/** Runs one call exactly as bin/run.js would in-process, with its output sent to the launcher; resolves its exit code. */
async function serve(config: Config, logger: Logger, request: ExecutorRequest, socket: Socket, send: (message: ExecutorMessage) => void): Promise<number> {
  const saved = {
    logLevel: logger.level,
    cwd: process.cwd(),
    argv: process.argv,
    env: { ...process.env },
    exitCode: process.exitCode,
    exit: Exit.exit,
    stdout: streamState(process.stdout),
    stderr: streamState(process.stderr),
  };
  let exit: number | undefined;
  const relay = (fd: 1 | 2): Write =>
    ((chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
      const data = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (data.length > 0 && !socket.destroyed) send({ fd, data });
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      done?.();
      return true;
    }) as Write;
  try {
    process.chdir(request.cwd);
    process.argv = [process.argv[0] as string, join(binDir, 'run.js'), ...request.argv];
    replaceForwardedEnv(request.env);
    // The caller's log level, as an in-process call would read it at start-up (createLogger's default for the CLI).
    logger.level = request.env.BSS_LOG_LEVEL || 'warn';
    process.exitCode = undefined;
    // oclif's error handler ends the process with Exit.exit: here it only records the code (and
    // returns, which its type does not foresee: handle() has nothing left to do after it).
    Exit.exit = ((code = 0) => {
      exit ??= code;
    }) as typeof Exit.exit;
    setStream(process.stdout, { write: relay(1), ...request.stdout });
    setStream(process.stderr, { write: relay(2), ...request.stderr });
    await run(request.argv, config)
      .then(() => flush())
      .catch((error: Error) => handle(error));
    return exit ?? Number(process.exitCode ?? 0);
  } finally {
    setStream(process.stdout, saved.stdout);
    setStream(process.stderr, saved.stderr);
    Exit.exit = saved.exit;
    logger.level = saved.logLevel;
    process.exitCode = saved.exitCode;
    for (const name of Object.keys(process.env)) if (!(name in saved.env)) delete process.env[name];
    Object.assign(process.env, saved.env);
    process.argv = saved.argv;
    process.chdir(saved.cwd);
  }
}

/** The launcher's forwarded variables replace this process' own (BSS_DB_URL included: the database is already chosen). */
function replaceForwardedEnv(forwarded: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (isForwardedEnv(name)) delete process.env[name];
  Object.assign(process.env, forwarded);
}

function streamState(stream: NodeJS.WriteStream): StreamState {
  return { write: stream.write, isTTY: stream.isTTY, columns: stream.columns };
}

function setStream(stream: NodeJS.WriteStream, state: { write: Write; isTTY?: boolean; columns?: number }): void {
  stream.write = state.write;
  Object.defineProperty(stream, 'isTTY', { value: state.isTTY, configurable: true, writable: true });
  Object.defineProperty(stream, 'columns', { value: state.columns, configurable: true, writable: true });
}

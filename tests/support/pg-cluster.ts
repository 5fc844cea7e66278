import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceAvailable } from './databases';
import { testEnv } from './env';
import { freePort, isExecutable, runCommand } from './processes';

/**
 * A PostgreSQL cluster of its own, for tests that stop and start the server (the machine's
 * shared PostgreSQL must never be stopped by a test).
 */
export interface ThrowawayPostgres {
  url: string;
  port: number;
  dataDir: string;
  /** `pg_ctl stop -m <mode>`: the outage. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if running and deletes the cluster. */
  dispose(): Promise<void>;
}

function binDir(): string | undefined {
  if (testEnv.postgresBinDir) return testEnv.postgresBinDir;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => isExecutable(join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** initdb/pg_ctl present (and, as root, a `postgres` OS user to run them as). */
export function postgresServerAvailable(): Promise<boolean> {
  return serviceAvailable('PostgreSQL server binaries (initdb, pg_ctl)', () => {
    const dir = binDir();
    if (!dir || !isExecutable(join(dir, 'pg_ctl'))) return Promise.resolve(false);
    return Promise.resolve(process.getuid?.() !== 0 || postgresUser() !== undefined);
  });
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` OS user then. */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
    : [cmd, args];
}

async function run(cmd: string, args: string[]): Promise<void> {
  const [c, a] = asServerUser(cmd, args);
  const r = await runCommand(c, a, { timeoutMs: 60_000 });
  if (r.code !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${String(r.code)}):\n${r.stdout}\n${r.stderr}`,
    );
}

/** A fresh directory for a cluster, owned by the server user when the tests run as root. */
function clusterRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'ioc-pgcluster-'));
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (user) chownSync(root, user.uid, user.gid);
  return root;
}

/**
 * Starts a server on an initialised data directory under `root` and hands back its controls.
 * The settings let it be a streaming primary (wal_level=replica, WAL senders; initdb's trust
 * pg_hba already admits replication from 127.0.0.1) and a standby answers reads (hot_standby).
 */
async function serve(bin: string, root: string, dataDir: string): Promise<ThrowawayPostgres> {
  const logFile = join(root, 'server.log');
  const port = await freePort();
  const opts =
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c max_connections=50 -c shared_buffers=32MB ` +
    '-c wal_level=replica -c max_wal_senders=5 -c hot_standby=on';
  let running = false;
  const start = async () => {
    await run(join(bin, 'pg_ctl'), [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      '30',
      '-o',
      opts,
      'start',
    ]);
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    running = false;
  };
  try {
    await start();
  } catch (err) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop,
    start,
    async dispose() {
      if (running) await stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function requireBinDir(): string {
  const bin = binDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (set TEST_PG_BINDIR)');
  return bin;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = requireBinDir();
  const root = clusterRoot();
  const dataDir = join(root, 'data');
  await run(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  return serve(bin, root, dataDir);
}

/**
 * A streaming hot standby of `primary` (a throwaway cluster): `pg_basebackup -R` copies the
 * primary and writes primary_conninfo and standby.signal, so the copy starts replaying WAL.
 */
export async function startStandby(primary: ThrowawayPostgres): Promise<ThrowawayPostgres> {
  const bin = requireBinDir();
  const root = clusterRoot();
  const dataDir = join(root, 'data');
  await run(join(bin, 'pg_basebackup'), [
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '--no-sync',
  ]);
  return serve(bin, root, dataDir);
}

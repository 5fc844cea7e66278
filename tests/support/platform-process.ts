import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testEnv } from './env';
import { exited, freePort, sleep, terminate, track } from './processes';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface PlatformProcess {
  httpUrl: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** stdout + stderr so far (for assertions and failure messages). */
  output(): string;
  alive(): boolean;
  /** Resident set size of the child in bytes, from /proc (0 once it has exited). */
  rss(): number;
  /** SIGKILL, as a crash would: no flush, no PUBACK for anything in flight. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: flush and stop), SIGKILL after a grace period. */
  stop(): Promise<void>;
}

/**
 * Runs the platform as `npm start` would in services mode — `node --import tsx
 * apps/api/src/main.ts` — in its own process, so a test can crash it. `env` is the whole
 * platform configuration on top of quiet test defaults (no demo seed, no simulator).
 */
export async function spawnPlatform(
  env: Record<string, string>,
  readyTimeoutMs = 60_000,
): Promise<PlatformProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-platform-proc-'));
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: testEnv.path,
        HOME: testEnv.home,
        TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.json'),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        SEED_DEMO: 'false',
        SIMULATOR: 'false',
        LOG_LEVEL: 'warn',
        // Ingest tests drive many requests per credential; the rate limit has its own tests.
        INGEST_RATE_PER_SECOND: '100000',
        INGEST_RATE_BURST: '100000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  child.once('exit', () => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const deadline = Date.now() + readyTimeoutMs;
  while (!out.includes('is running')) {
    if (!alive())
      throw new Error(`platform exited during start (${String(child.exitCode)}):\n${out}`);
    if (Date.now() > deadline) {
      await terminate(child, 2000);
      throw new Error(`platform not ready after ${readyTimeoutMs} ms:\n${out}`);
    }
    await sleep(50);
  }
  return {
    httpUrl,
    port,
    pid: child.pid ?? 0,
    child,
    output: () => out,
    alive,
    rss: () => rssOf(child.pid),
    async kill() {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: () => terminate(child, 15_000),
  };
}

function rssOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // /proc/<pid>/statm: "size resident shared ..." in pages.
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1] ?? 0) * 4096;
  } catch {
    return 0;
  }
}

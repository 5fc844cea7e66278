import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serviceAvailable } from './databases';
import { testEnv } from './env';
import { freePort, isExecutable, runCommand, terminate, track, waitForPort } from './processes';

/** The shipped broker configuration the private test brokers are rendered from. */
export const MOSQUITTO_CONF_TEMPLATE = resolve(
  import.meta.dirname,
  '../../infra/mosquitto/mosquitto.conf',
);

export interface PrivateMosquitto {
  url: string;
  port: number;
  dir: string;
  child: ChildProcess;
  /** Everything the broker logged so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface PrivateMosquittoOptions {
  /** Absent: anonymous clients allowed (no password file, no ACL). */
  passwordFile?: string;
  aclFile?: string;
  /** Extra directives appended (later lines win for scalar settings). */
  extra?: string[];
}

/**
 * Mosquitto binaries (`mosquitto`, `mosquitto_passwd`, `mosquitto_pub`, `mosquitto_sub`), needed
 * by the suites that run a private broker; missing binaries fail in CI, skip elsewhere.
 */
export function mosquittoBinariesAvailable(): Promise<boolean> {
  return serviceAvailable('mosquitto binaries', () =>
    Promise.resolve(
      [
        testEnv.mosquittoBin,
        testEnv.mosquittoPasswdBin,
        testEnv.mosquittoPubBin,
        testEnv.mosquittoSubBin,
      ].every(isExecutable),
    ),
  );
}

/**
 * infra/mosquitto/mosquitto.conf with the listener moved to `port` on loopback, persistence
 * and logs under `dir`, and the password/ACL files replaced (or dropped for anonymous access).
 */
export function renderMosquittoConf(
  port: number,
  dir: string,
  opts: PrivateMosquittoOptions = {},
): string {
  const out: string[] = [];
  for (const line of readFileSync(MOSQUITTO_CONF_TEMPLATE, 'utf8').split('\n')) {
    const key = line.trim().startsWith('#') ? '' : (line.trim().split(/\s+/)[0] ?? '');
    switch (key) {
      case 'listener':
        out.push(`listener ${port} 127.0.0.1`);
        break;
      case 'persistence_location':
        out.push(`persistence_location ${dir}/`);
        break;
      case 'password_file':
        if (opts.passwordFile) out.push(`password_file ${opts.passwordFile}`);
        break;
      case 'acl_file':
        if (opts.aclFile) out.push(`acl_file ${opts.aclFile}`);
        break;
      case 'allow_anonymous':
        out.push(`allow_anonymous ${opts.passwordFile ? 'false' : 'true'}`);
        break;
      case 'log_dest':
        out.push('log_dest stderr');
        break;
      default:
        out.push(line);
    }
  }
  // Run as root (CI containers), Mosquitto would drop to the `mosquitto` user and lose access
  // to the temporary directory.
  if (process.getuid?.() === 0) out.push('user root');
  out.push(...(opts.extra ?? []));
  return out.join('\n') + '\n';
}

/** A private Mosquitto on a free loopback port, configured from the shipped config. */
export async function startPrivateMosquitto(
  opts: PrivateMosquittoOptions = {},
): Promise<PrivateMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-mosquitto-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, renderMosquittoConf(port, dir, opts));
  const child = track(
    spawn(testEnv.mosquittoBin, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await Promise.race([
      waitForPort(port, 10_000),
      new Promise((_, reject) =>
        child.once('exit', (code) => {
          reject(new Error(`mosquitto exited with ${String(code)}:\n${log}`));
        }),
      ),
    ]);
  } catch (err) {
    await terminate(child, 2000);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    child,
    log: () => log,
    async stop() {
      await terminate(child, 5000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a Mosquitto password file with `mosquitto_passwd -b` (the tool operators use). */
export async function writeMosquittoPasswords(
  file: string,
  users: Record<string, string>,
): Promise<void> {
  writeFileSync(file, '', { mode: 0o600 });
  for (const [user, password] of Object.entries(users)) {
    const r = await runCommand(testEnv.mosquittoPasswdBin, ['-b', file, user, password]);
    if (r.code !== 0) throw new Error(`mosquitto_passwd failed for ${user}: ${r.stderr}`);
  }
  chmodSync(file, 0o644);
}

/** Runs `mosquitto_pub`; resolves with its exit code and output. */
export function mosquittoPub(args: string[], input?: string) {
  return runCommand(testEnv.mosquittoPubBin, args, {
    timeoutMs: 20_000,
    ...(input === undefined ? {} : { input }),
  });
}

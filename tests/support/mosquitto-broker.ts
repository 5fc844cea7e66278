import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serviceAvailable } from './databases';
import { testEnv } from './env';
import { freePort, isExecutable, runCommand, terminate, track, waitForPort } from './processes';

/** Name of the broker's own copy of the dynamic security file, in its directory. */
const DYNSEC_COPY = 'dynamic-security.json';

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
  /**
   * The dynamic security plugin's file (`ioc broker mosquitto-files`), copied into the broker's
   * directory. Absent: anonymous clients allowed, no plugin.
   */
  dynsecFile?: string;
  /** Extra directives appended (later lines win for scalar settings). */
  extra?: string[];
}

/** The dynamic security plugin: where Debian (amd64, arm64) and the Docker image put it. */
export function dynsecPluginPath(): string | undefined {
  const candidates = testEnv.mosquittoDynsecPlugin
    ? [testEnv.mosquittoDynsecPlugin]
    : [
        '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
        '/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so',
        '/usr/lib/mosquitto_dynamic_security.so',
      ];
  return candidates.find((p) => existsSync(p));
}

/**
 * Mosquitto binaries (`mosquitto`, `mosquitto_ctrl`, `mosquitto_pub`, `mosquitto_sub`) and the
 * dynamic security plugin, needed by the suites that run a private broker; missing ones fail
 * in CI, skip elsewhere.
 */
export function mosquittoBinariesAvailable(): Promise<boolean> {
  return serviceAvailable('mosquitto binaries', () =>
    Promise.resolve(
      [
        testEnv.mosquittoBin,
        testEnv.mosquittoCtrlBin,
        testEnv.mosquittoPubBin,
        testEnv.mosquittoSubBin,
      ].every(isExecutable) && dynsecPluginPath() !== undefined,
    ),
  );
}

/**
 * infra/mosquitto/mosquitto.conf with the listener moved to `port` on loopback, persistence
 * and logs under `dir`, and the dynamic security plugin's paths replaced (or the plugin dropped
 * for anonymous access).
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
      case 'plugin':
        if (opts.dynsecFile)
          out.push(`plugin ${dynsecPluginPath() ?? 'mosquitto_dynamic_security.so'}`);
        break;
      case 'plugin_opt_config_file':
        if (opts.dynsecFile) out.push(`plugin_opt_config_file ${dir}/${DYNSEC_COPY}`);
        break;
      case 'allow_anonymous':
        // With the plugin the shipped value holds (anonymous readers of the public topics, the
        // plugin's anonymous group decides what they may do); without it, anyone may do anything.
        out.push(opts.dynsecFile ? line : 'allow_anonymous true');
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
  // The plugin rewrites its file as clients change: the broker gets its own copy.
  if (opts.dynsecFile) writeFileSync(join(dir, DYNSEC_COPY), readFileSync(opts.dynsecFile));
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

/**
 * Runs `mosquitto_ctrl … dynsec <args>` against a private broker as its administrator, the way
 * operators give identities their passwords and rights.
 */
export async function mosquittoCtrl(
  broker: PrivateMosquitto,
  admin: { username: string; password: string },
  args: string[],
): Promise<void> {
  const r = await runCommand(
    testEnv.mosquittoCtrlBin,
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(broker.port),
      '-u',
      admin.username,
      '-P',
      admin.password,
      'dynsec',
      ...args,
    ],
    { timeoutMs: 20_000 },
  );
  // mosquitto_ctrl exits 0 even when the plugin refuses; its reply says so.
  if (r.code !== 0 || /error|not authori[sz]ed|denied/i.test(r.stdout))
    throw new Error(`mosquitto_ctrl dynsec ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
}

/** Runs `mosquitto_pub`; resolves with its exit code and output. */
export function mosquittoPub(args: string[], input?: string) {
  return runCommand(testEnv.mosquittoPubBin, args, {
    timeoutMs: 20_000,
    ...(input === undefined ? {} : { input }),
  });
}

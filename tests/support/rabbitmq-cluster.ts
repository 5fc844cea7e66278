/**
 * A private RabbitMQ cluster on loopback (issue 19): N `rabbitmq-server` nodes run as the
 * current user, each with its own node name, ports, data and log directories, sharing an Erlang
 * cookie, joined into one cluster. The machine's own RabbitMQ (5672, rabbit@localhost) is never
 * touched: every node gets fresh ports and a unique name, and the CLI is always pointed at one
 * of ours with `-n`.
 *
 * Devices authenticate through rabbitmq_auth_backend_http against the platform; the nodes ask a
 * small forwarder of this harness, whose target is set once the platform listens
 * (`setAuthTarget`), so the cluster can start before (and outlive) any platform process. The
 * collectors' account is RabbitMQ's internal user (second backend), created on first boot by
 * `default_user` — the platform never needs its password to answer the broker.
 *
 * Measured here (2 shared cores, RabbitMQ 3.10.8, Erlang 25.2): a 3-node cluster took 26–38 s
 * from spawn to all joined and serving (`startMs`; five runs), a node 8 s to restart after
 * SIGKILL. Suites give beforeAll a few minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceAvailable } from './databases';
import { testEnv } from './env';
import {
  exited,
  freePort,
  isExecutable,
  runCommand,
  track,
  waitForPort,
  type CommandResult,
} from './processes';

/** Debian's rabbitmq-server (the /usr/sbin wrappers `su` to the rabbitmq user; these do not). */
const SERVER_BIN = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const CTL_BIN = '/usr/lib/rabbitmq/bin/rabbitmqctl';

/** The path the platform answers the broker's auth questions under (secret in the path). */
export const RABBITMQ_AUTH_PATH = '/api/v1/broker/rabbitmq';

export interface RabbitNode {
  /** Erlang node name, e.g. `rabbit-a-1f2e3d@localhost`. */
  name: string;
  amqpPort: number;
  mqttPort: number;
  distPort: number;
  /** amqp://service:password@127.0.0.1:port — the collectors' account. */
  amqpUrl: string;
  /** mqtt://127.0.0.1:port — devices connect here with their id and token. */
  mqttUrl: string;
  /** Whether the node is running (as far as this harness started or stopped it). */
  running(): boolean;
}

export interface RabbitCluster {
  nodes: RabbitNode[];
  /** Every node's AMQP URL with the service credentials (AMQP_URLS is these joined by commas). */
  amqpUrls: string[];
  mqttUrls: string[];
  service: { username: string; password: string };
  /** The shared secret the nodes present in the auth path (BROKER_AUTH_SECRET). */
  authSecret: string;
  /** Base URL (http://127.0.0.1:PORT) of the platform that answers auth questions. */
  setAuthTarget(baseUrl: string | null): void;
  /** SIGKILL of node i (no goodbye to the cluster). */
  kill(i: number): Promise<void>;
  /** Orderly `rabbitmqctl stop` of node i. */
  stopNode(i: number): Promise<void>;
  /** Starts node i again (after kill or stopNode) and waits until it serves. */
  restart(i: number): Promise<void>;
  /** rabbitmqctl against node i. */
  ctl(i: number, args: string[]): Promise<CommandResult>;
  /** What node i printed so far (its log file is under the cluster's directory). */
  output(i: number): string;
  /** Milliseconds from the first spawn until every node had joined and served. */
  startMs: number;
  /**
   * CPU-seconds (user + system) used so far by the nodes' running Erlang VMs, read from /proc
   * (a killed node's share is gone with its process).
   */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface RabbitClusterOptions {
  nodes?: number;
}

/** rabbitmq-server with the MQTT and HTTP-auth plugins; missing fails in CI, skips elsewhere. */
export function rabbitmqAvailable(): Promise<boolean> {
  return serviceAvailable('rabbitmq-server', () =>
    Promise.resolve(isExecutable(SERVER_BIN) && isExecutable(CTL_BIN)),
  );
}

/** Node process groups alive: killed when the test worker exits, even after a failure. */
const groups = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of groups) if (c.pid) process.kill(-c.pid, 'SIGKILL');
});

/** SIGKILL of the node's whole group (the start script and the Erlang VM). */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await exited(child);
}

interface NodeState extends RabbitNode {
  env: NodeJS.ProcessEnv;
  child: ChildProcess | undefined;
  out: string;
}

/** The node's rabbitmq.conf: loopback listeners, HTTP auth first, the internal DB second. */
function nodeConf(n: { amqpPort: number; mqttPort: number }, authBase: string, svc: Svc): string {
  return [
    `listeners.tcp.default = 127.0.0.1:${n.amqpPort}`,
    `mqtt.listeners.tcp.default = 127.0.0.1:${n.mqttPort}`,
    'mqtt.allow_anonymous = false',
    'mqtt.vhost = /',
    'mqtt.exchange = amq.topic',
    'auth_backends.1 = http',
    'auth_backends.2 = internal',
    'auth_http.http_method = post',
    `auth_http.user_path = ${authBase}/user`,
    `auth_http.vhost_path = ${authBase}/vhost`,
    `auth_http.resource_path = ${authBase}/resource`,
    `auth_http.topic_path = ${authBase}/topic`,
    `default_user = ${svc.username}`,
    `default_pass = ${svc.password}`,
    'default_user_tags.administrator = false',
    // The collectors' account: its queues (ioc.*) and amq.topic, nothing else.
    'default_permissions.configure = ^ioc\\..*',
    'default_permissions.read = ^(ioc\\..*|amq\\.topic)$',
    'default_permissions.write = ^(ioc\\..*|amq\\.topic)$',
    'loopback_users = none',
    // Tests fill small disks; the default 50 MB free-disk alarm is fine, the memory one too.
    'log.console = true',
    'log.console.level = warning',
    'log.file.level = info',
    '',
  ].join('\n');
}

type Svc = { username: string; password: string };

/** Starts the nodes, joins them to the first, and waits until each serves AMQP and MQTT. */
export async function startRabbitCluster(opts: RabbitClusterOptions = {}): Promise<RabbitCluster> {
  const count = opts.nodes ?? 3;
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'ioc-rabbitmq-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  const cookie = join(home, '.erlang.cookie');
  writeFileSync(cookie, randomBytes(20).toString('hex').toUpperCase());
  chmodSync(cookie, 0o400);
  // An empty env file: Debian's /etc/rabbitmq/rabbitmq-env.conf names the system node.
  const envFile = join(dir, 'rabbitmq-env.conf');
  writeFileSync(envFile, '');
  const plugins = join(dir, 'enabled_plugins');
  writeFileSync(plugins, '[rabbitmq_mqtt,rabbitmq_auth_backend_http].\n');
  const tag = randomBytes(3).toString('hex');
  const svc: Svc = { username: 'ioc-collector', password: randomBytes(16).toString('hex') };
  const authSecret = randomBytes(24).toString('hex');
  const forwarder = await startAuthForwarder();
  const authBase = `http://127.0.0.1:${forwarder.port}${RABBITMQ_AUTH_PATH}/${authSecret}`;
  const ctlEnv = { PATH: testEnv.path, HOME: home, RABBITMQ_CONF_ENV_FILE: envFile };

  const nodes: NodeState[] = [];
  for (let i = 0; i < count; i++) {
    const letter = String.fromCharCode(97 + i);
    const name = `rabbit-${letter}-${tag}@localhost`;
    const [amqpPort, mqttPort, distPort] = [await freePort(), await freePort(), await freePort()];
    const nodeDir = join(dir, letter);
    mkdirSync(nodeDir);
    const conf = join(nodeDir, 'rabbitmq.conf');
    writeFileSync(conf, nodeConf({ amqpPort, mqttPort }, authBase, svc));
    nodes.push({
      name,
      amqpPort,
      mqttPort,
      distPort,
      amqpUrl: `amqp://${svc.username}:${svc.password}@127.0.0.1:${amqpPort}`,
      mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
      running(): boolean {
        return this.child?.exitCode === null && this.child.signalCode === null;
      },
      child: undefined,
      out: '',
      env: {
        ...ctlEnv,
        RABBITMQ_NODENAME: name,
        RABBITMQ_DIST_PORT: String(distPort),
        RABBITMQ_MNESIA_BASE: join(nodeDir, 'mnesia'),
        RABBITMQ_LOG_BASE: join(nodeDir, 'log'),
        RABBITMQ_CONFIG_FILE: conf,
        RABBITMQ_ENABLED_PLUGINS_FILE: plugins,
        // Crash dumps (a killed node's Mnesia core too) stay in the cluster's directory.
        ERL_CRASH_DUMP: join(nodeDir, 'erl_crash.dump'),
        // Distribution on loopback only (the system epmd already listens on 127.0.0.1).
        ERL_EPMD_ADDRESS: '127.0.0.1',
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
      },
    });
  }

  const ctl = (i: number, args: string[]) => {
    const n = nodes[i];
    if (!n) throw new Error(`no node ${i}`);
    return runCommand(CTL_BIN, ['-n', n.name, ...args], { env: ctlEnv, timeoutMs: 120_000 });
  };
  const mustCtl = async (i: number, args: string[]) => {
    const r = await ctl(i, args);
    if (r.code !== 0)
      throw new Error(`rabbitmqctl ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  };
  const spawnNode = (n: NodeState) => {
    n.out = '';
    // Its own process group: the script runs the VM as a child, and a kill must reach both.
    const child = track(
      spawn(SERVER_BIN, [], {
        env: n.env,
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      }),
    );
    groups.add(child);
    child.once('exit', () => groups.delete(child));
    child.stdout?.on('data', (d: Buffer) => (n.out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (n.out += d.toString()));
    n.child = child;
  };
  const serving = async (i: number) => {
    const n = nodes[i];
    if (!n?.child) throw new Error(`node ${i} not started`);
    const child = n.child;
    const died = new Promise<never>((_, reject) =>
      child.once('exit', (code) => {
        reject(new Error(`${n.name} exited with ${String(code)}:\n${n.out.slice(-4000)}`));
      }),
    );
    await Promise.race([
      (async () => {
        await waitForPort(n.amqpPort, 120_000);
        await waitForPort(n.mqttPort, 30_000);
        await mustCtl(i, ['await_startup', '--timeout', '60']);
      })(),
      died,
    ]);
  };

  const stop = async () => {
    await Promise.all(
      nodes.map(async (n) => {
        if (n.child) await killGroup(n.child);
      }),
    );
    await forwarder.close();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const n of nodes) spawnNode(n);
    await Promise.all(nodes.map((_, i) => serving(i)));
    const first = nodes[0]?.name ?? '';
    // One at a time: concurrent joins race on the schema.
    for (let i = 1; i < nodes.length; i++) {
      await mustCtl(i, ['stop_app']);
      await mustCtl(i, ['join_cluster', first]);
      await mustCtl(i, ['start_app']);
      await serving(i);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const node = (i: number) => {
    const n = nodes[i];
    if (!n) throw new Error(`no node ${i}`);
    return n;
  };
  return {
    nodes,
    amqpUrls: nodes.map((n) => n.amqpUrl),
    mqttUrls: nodes.map((n) => n.mqttUrl),
    service: svc,
    authSecret,
    setAuthTarget: (baseUrl) => {
      forwarder.target = baseUrl;
    },
    async kill(i) {
      const n = node(i);
      if (n.child) await killGroup(n.child);
    },
    async stopNode(i) {
      const n = node(i);
      await mustCtl(i, ['stop']);
      if (n.child) await exited(n.child);
    },
    async restart(i) {
      const n = node(i);
      if (n.child && n.child.exitCode === null && n.child.signalCode === null)
        throw new Error(`${n.name} is still running`);
      spawnNode(n);
      await serving(i);
    },
    ctl,
    output: (i) => node(i).out,
    startMs: Date.now() - started,
    cpuSeconds: () => vmCpuSeconds(dir),
    stop,
  };
}

/**
 * Forwards the nodes' auth requests to the platform under test (the same path and body); with
 * no platform set, or the platform unreachable, it answers `deny` as the plugin would treat an
 * error.
 */
async function startAuthForwarder(): Promise<{
  port: number;
  target: string | null;
  close(): Promise<void>;
}> {
  const state = { target: null as string | null };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const deny = () => {
        if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('deny');
      };
      if (!state.target) {
        deny();
        return;
      }
      fetch(`${state.target}${req.url ?? ''}`, {
        method: req.method ?? 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' },
        body: req.method === 'GET' ? null : Buffer.concat(chunks),
      })
        .then(async (r) => {
          res.writeHead(r.status, {
            'content-type': r.headers.get('content-type') ?? 'text/plain',
          });
          res.end(await r.text());
        })
        .catch(deny);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    get target() {
      return state.target;
    },
    set target(v) {
      state.target = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** CPU-seconds of the processes whose command line names `dir` (the nodes' VMs and helpers). */
function vmCpuSeconds(dir: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // Gone between the listing and the read.
    }
  }
  return total;
}

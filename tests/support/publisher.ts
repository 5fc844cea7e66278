import mqtt, { type MqttClient } from 'mqtt';

export interface StreamPublisher {
  /** Messages handed to the client library. */
  readonly sent: number;
  /** Messages the broker acknowledged (PUBACK at QoS 1). */
  readonly acked: number;
  /** `device|epochMs` of every acknowledged message: each is exactly one reading. */
  readonly ackedKeys: string[];
  /** Settles when `total` messages are acknowledged (or the stream was stopped). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface StreamOptions {
  /** One broker; or `urls`: a cluster's nodes, device i starting at node i mod n. */
  url?: string;
  /**
   * A cluster's nodes (mqtt://host:port): each device connects to one and, when that node
   * dies, reconnects to the next and resends what was not acknowledged (MQTT.js's store).
   */
  urls?: string[];
  devices: string[];
  /** Stop after this many messages; unset: until stop(). */
  total?: number;
  ratePerSecond: number;
  qos?: 0 | 1;
  /** MQTT password per device (anonymous brokers ignore it). */
  password?: (device: string) => string;
  /** Most messages awaiting PUBACK per connection. */
  window?: number;
}

/** `urls` starting at index i: devices spread over a cluster's nodes. */
export function rotated<T>(items: T[], i: number): T[] {
  const k = i % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** mqtt://host:port as MQTT.js's `servers` entry. */
export function server(url: string): { host: string; port: number; protocol: 'mqtt' } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 1883), protocol: 'mqtt' };
}

/**
 * A steady QoS 1 stream, as gateways on a flaky link produce: one connection per device,
 * each message one `pm25` reading with its own device timestamp (1 ms apart per device), so
 * stored rows can be matched one-to-one with acknowledged messages.
 */
export async function publishStream(opts: StreamOptions): Promise<StreamPublisher> {
  const qos = opts.qos ?? 1;
  const window = opts.window ?? 1000;
  const nodes = opts.urls ?? (opts.url ? [opts.url] : []);
  if (nodes.length === 0) throw new Error('publishStream: url or urls');
  const clients: MqttClient[] = await Promise.all(
    opts.devices.map((d, i) =>
      mqtt.connectAsync({
        servers: rotated(nodes, i).map(server),
        clientId: `stream-${d}-${i}-${Date.now()}`,
        username: d,
        password: opts.password?.(d) ?? '',
        reconnectPeriod: 500,
        connectTimeout: 5000,
        clean: true,
        protocolVersion: 4,
      }),
    ),
  );
  const base = Date.now() - 120_000;
  const seq = new Array<number>(opts.devices.length).fill(0);
  const pending = new Array<number>(opts.devices.length).fill(0);
  const ackedKeys: string[] = [];
  let sent = 0;
  let acked = 0;
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((r) => (finish = r));
  const started = Date.now();
  let next = 0;
  const tick = () => {
    if (stopped) return;
    const due = Math.floor(((Date.now() - started) / 1000) * opts.ratePerSecond);
    while (sent < due && (opts.total === undefined || sent < opts.total)) {
      const i = next++ % opts.devices.length;
      if ((pending[i] ?? 0) >= window) break;
      const device = opts.devices[i] ?? '';
      const ts = base + (seq[i] = (seq[i] ?? 0) + 1);
      pending[i] = (pending[i] ?? 0) + 1;
      sent++;
      clients[i]?.publish(
        `ioc/v1/telemetry/${device}`,
        `{"ts":${ts},"values":{"pm25":${(ts % 500) / 10}}}`,
        { qos },
        (err) => {
          pending[i] = (pending[i] ?? 1) - 1;
          if (err) return;
          acked++;
          ackedKeys.push(`${device}|${ts}`);
          if (opts.total !== undefined && acked >= opts.total) finish();
        },
      );
    }
  };
  const timer = setInterval(tick, 5);
  return {
    get sent() {
      return sent;
    },
    get acked() {
      return acked;
    },
    ackedKeys,
    done,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // Let outstanding PUBACKs arrive before closing.
      const deadline = Date.now() + 10_000;
      while (pending.some((p) => p > 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
      finish();
    },
  };
}

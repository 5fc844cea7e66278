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
  url: string;
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

/**
 * A steady QoS 1 stream, as gateways on a flaky link produce: one connection per device,
 * each message one `pm25` reading with its own device timestamp (1 ms apart per device), so
 * stored rows can be matched one-to-one with acknowledged messages.
 */
export async function publishStream(opts: StreamOptions): Promise<StreamPublisher> {
  const qos = opts.qos ?? 1;
  const window = opts.window ?? 1000;
  const clients: MqttClient[] = await Promise.all(
    opts.devices.map((d, i) =>
      mqtt.connectAsync(opts.url, {
        clientId: `stream-${d}-${i}-${Date.now()}`,
        username: d,
        password: opts.password?.(d) ?? '',
        reconnectPeriod: 1000,
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

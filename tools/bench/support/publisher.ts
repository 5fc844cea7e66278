/**
 * Benchmark publisher, run as its own process so its CPU is not charged to the collector:
 *
 *   node --import tsx tools/bench/support/publisher.ts <mqttUrl> <messages> <devices> <prefix> [window] [qos]
 *
 * Each of <devices> connections publishes as device `<prefix>-<i>` on its own topic, QoS 1 by
 * default, keeping up to [window] messages awaiting PUBACK per connection. Every message
 * carries a distinct device timestamp, so each is exactly one new reading. Prints a JSON line
 * {"startedAt": epochMs} once connected and publishing, then {"acked": n, "ms": elapsed}.
 */
import mqtt, { type MqttClient } from 'mqtt';

const [url = '', total = '0', devices = '1', prefix = 'bench', windowArg = '500', qosArg = '1'] =
  process.argv.slice(2);
const messages = Number(total);
const deviceCount = Number(devices);
const window = Number(windowArg);
const qos = qosArg === '0' ? 0 : 1;

async function publishAll(
  client: MqttClient,
  index: number,
  count: number,
  base: number,
): Promise<number> {
  const topic = `ioc/v1/telemetry/${prefix}-${String(index).padStart(4, '0')}`;
  let sent = 0;
  let acked = 0;
  let failed: Error | undefined;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (sent < count && sent - acked < window && !failed) {
        const ts = base + sent;
        const payload = `{"ts":${ts},"values":{"pm25":${(sent % 500) / 10}}}`;
        sent++;
        client.publish(topic, payload, { qos }, (err) => {
          if (err) failed = err;
          acked++;
          if (acked === count || failed) resolve();
          else if (sent < count) pump();
        });
      }
    };
    if (count === 0) resolve();
    else pump();
  });
  if (failed) throw failed;
  return acked;
}

async function main(): Promise<void> {
  const clients = await Promise.all(
    Array.from({ length: deviceCount }, (_, i) =>
      mqtt.connectAsync(url, {
        clientId: `${prefix}-pub-${i}-${process.pid}`,
        username: `${prefix}-${String(i).padStart(4, '0')}`,
        reconnectPeriod: 0,
        protocolVersion: 4,
        clean: true,
      }),
    ),
  );
  // Device timestamps end before "now", well inside the accepted age.
  const per = Math.ceil(messages / deviceCount);
  const base = Date.now() - per - 60_000;
  const started = performance.now();
  process.stdout.write(`${JSON.stringify({ startedAt: Date.now() })}\n`);
  const counts = await Promise.all(
    clients.map((c, i) => publishAll(c, i, Math.max(0, Math.min(per, messages - i * per)), base)),
  );
  const ms = performance.now() - started;
  await Promise.all(clients.map((c) => c.endAsync()));
  const acked = counts.reduce((a, b) => a + b, 0);
  process.stdout.write(`${JSON.stringify({ acked, ms })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`publisher: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

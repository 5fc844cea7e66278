/**
 * Benchmark peer for the collector's CPU: a bare MQTT.js QoS 1 subscriber that does nothing
 * but JSON.parse each message — the least any Node collector spends per message. Run as its
 * own process so only its own CPU is counted:
 *
 *   node --import tsx tools/bench/support/bare-subscriber.ts <mqttUrl> <messages> <clientId>
 *
 * Prints {"ready": true} once subscribed, then {"received", "cpuMs", "ms"} (first message to
 * the last, user + system CPU of this process over the same span) and exits.
 */
import mqtt from 'mqtt';

const [url = '', total = '0', clientId = 'bench-bare'] = process.argv.slice(2);
const want = Number(total);

const client = await mqtt.connectAsync(url, {
  clientId,
  clean: true,
  protocolVersion: 5,
  reconnectPeriod: 0,
});
let received = 0;
let parsed = 0;
let startedAt = 0;
let cpu0: NodeJS.CpuUsage | undefined;
client.on('message', (_topic, payload) => {
  if (received === 0) {
    startedAt = performance.now();
    cpu0 = process.cpuUsage();
  }
  received++;
  if (JSON.parse(payload.toString('utf8')) !== undefined) parsed++;
  if (received < want) return;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `${JSON.stringify({ received, parsed, cpuMs: (cpu.user + cpu.system) / 1000, ms: performance.now() - startedAt })}\n`,
  );
  void client.endAsync().then(() => process.exit(0));
});
await client.subscribeAsync('ioc/v1/telemetry/+', { qos: 1 });
process.stdout.write('{"ready":true}\n');

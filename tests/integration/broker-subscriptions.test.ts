/**
 * Issue 18, item 1: with the shipped broker security a device cannot subscribe at all — not to
 * the collectors' shared group (where the broker would hand it its share of everyone's telemetry
 * and drop it, while the senders got their PUBACK), not to telemetry, not to `#`.
 *
 * A private Mosquitto runs infra/mosquitto/mosquitto.conf with the security files that
 * `ioc broker mosquitto-files` writes; the collector and the devices authenticate as they would
 * in production.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOSQUITTO_ADMIN, mosquittoSecurity } from '../../apps/api/src/cli/mosquitto-security';
import {
  mosquittoBinariesAvailable,
  mosquittoCtrl,
  startPrivateMosquitto,
  type PrivateMosquitto,
} from '../support/mosquitto-broker';
import { waitFor } from '../support/wait';

const hasMosquittoBins = await mosquittoBinariesAvailable();

const N = 200;
const GROUP = 'ioc-ingest';
const COLLECTOR = 'ioc-ingest';
const HONEST = ['sub-honest-1', 'sub-honest-2'];
const ROGUE = 'sub-rogue-1';
const password = (id: string) => `${id}-token-0123456789abcdef`;

/** The shipped security for these identities, set up as an operator does (infra/mosquitto). */
async function startShippedMosquitto(dir: string): Promise<PrivateMosquitto> {
  const admin = { username: MOSQUITTO_ADMIN, password: 'admin-secret-0123456789' };
  const file = join(dir, 'dynamic-security.json');
  const config = mosquittoSecurity({
    collectorUser: COLLECTOR,
    group: GROUP,
    adminPassword: admin.password,
    identities: [...HONEST, ROGUE].map((id) => ({ id, kind: 'air_quality' })),
  });
  writeFileSync(file, JSON.stringify(config));
  const broker = await startPrivateMosquitto({ dynsecFile: file });
  for (const id of [COLLECTOR, ...HONEST, ROGUE])
    await mosquittoCtrl(broker, admin, ['setClientPassword', id, password(id)]);
  return broker;
}

describe.skipIf(!hasMosquittoBins)('shipped Mosquitto security: devices cannot subscribe', () => {
  let dir: string;
  let broker: PrivateMosquitto;
  const clients: MqttClient[] = [];
  const connect = async (id: string) => {
    const c = await mqtt.connectAsync(broker.url, {
      clientId: `${id}-${Date.now()}`,
      username: id,
      password: password(id),
      protocolVersion: 5,
      reconnectPeriod: 0,
    });
    clients.push(c);
    return c;
  };
  /** The SUBACK reason code for one filter (MQTT.js reports a failure code as an error). */
  const suback = (c: MqttClient, filter: string) =>
    c.subscribeAsync(filter, { qos: 1 }).then(
      (granted) => granted[0]?.qos,
      (err: unknown) => (err as { packet?: { granted?: number[] } }).packet?.granted?.[0],
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-broker-subs-'));
    broker = await startShippedMosquitto(dir);
  });
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true).catch(() => undefined);
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a device’s subscriptions, and the collectors’ group gets every message', async () => {
    const collector = await connect(COLLECTOR);
    const collected = new Set<string>();
    collector.on('message', (_topic, payload) => collected.add(payload.toString()));
    expect(await suback(collector, `$share/${GROUP}/ioc/v1/telemetry/+`)).toBe(1);

    const rogue = await connect(ROGUE);
    const stolen: string[] = [];
    rogue.on('message', (_topic, payload) => stolen.push(payload.toString()));
    const codes = {
      shared: await suback(rogue, `$share/${GROUP}/ioc/v1/telemetry/+`),
      telemetry: await suback(rogue, 'ioc/v1/telemetry/+'),
      everything: await suback(rogue, '#'),
    };

    const honest = await Promise.all(HONEST.map((id) => connect(id)));
    for (let i = 0; i < N; i++) {
      const k = i % honest.length;
      await honest[k]?.publishAsync(`ioc/v1/telemetry/${HONEST[k] ?? ''}`, `m-${i}`, { qos: 1 });
    }
    await waitFor(() => (collected.size === N ? true : undefined), 10_000, `${N} messages`).catch(
      () => undefined,
    );
    expect(collected.size, `messages the collector got of ${N}`).toBe(N);
    expect(stolen).toEqual([]);
    // Refused outright: 0x87 (not authorised, MQTT 5) or 0x80 (failure).
    expect(codes).toEqual({ shared: 0x87, telemetry: 0x87, everything: 0x87 });
  });
});

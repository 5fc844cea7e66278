/**
 * The embedded broker applies INGEST_MAX_PAYLOAD_BYTES itself: a device announcing a huge
 * PUBLISH is disconnected on the packet's header, before the body is buffered (Aedes alone
 * would hold all of it: six 100 MB messages once took the process past 1.6 GB), the refusal is
 * dead-lettered with who sent it and how big it was, and other devices go on.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const LIMIT = 65_536;

/** MQTT's "remaining length" varint. */
function remainingLength(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

describe('embedded broker packet-size limit', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const sessions: MqttClient[] = [];

  const deadLetters = async (deviceId: string) =>
    (
      await platform.ctx.pool.query<{ reason: string; detail: string; source: string }>(
        'SELECT reason, detail, source FROM dead_letter WHERE device_id = $1 ORDER BY id',
        [deviceId],
      )
    ).rows;
  const stored = async (deviceId: string) =>
    Number(
      (
        await platform.ctx.pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM reading WHERE device_id = $1',
          [deviceId],
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    platform = await startTestPlatform({ INGEST_MAX_PAYLOAD_BYTES: String(LIMIT) });
    for (const id of ['big-1', 'calm-1', 'near-1'])
      tokens.set(id, await platform.addDevice({ id }));
  }, 120_000);
  afterAll(async () => {
    for (const s of sessions) await s.endAsync(true);
    await platform.dispose();
  });

  const connect = async (id: string) => {
    const s = await connectDevice(platform.mqttUrl, id, tokens.get(id) ?? '');
    sessions.push(s);
    return s;
  };

  it('closes the connection on the header of a 50 MB PUBLISH and dead-letters it', async () => {
    const big = await connect('big-1');
    const closed = new Promise<void>((resolve) =>
      big.stream.once('close', () => {
        resolve();
      }),
    );
    // A QoS 1 PUBLISH header announcing 50 MB, then a trickle of its topic: the broker must not
    // wait for the rest.
    const socket = big.stream as Socket;
    socket.write(Buffer.from([0x32, ...remainingLength(50_000_000)]));
    socket.write(Buffer.from([0x00, 0x15, ...Buffer.from('ioc/v1/telemetry/big-1')]));
    await closed;
    const rows = await waitFor(async () => {
      const r = await deadLetters('big-1');
      return r.length > 0 ? r : undefined;
    });
    expect(rows).toEqual([
      expect.objectContaining({
        reason: 'oversize',
        source: 'mqtt:embedded-broker',
        detail: expect.stringMatching(
          /client big-1 sent an MQTT packet of 50000005 bytes/,
        ) as unknown,
      }),
    ]);
  });

  it('keeps taking other devices, and dead-letters a payload just over the limit as before', async () => {
    const calm = await connect('calm-1');
    await calm.publishAsync(
      'ioc/v1/telemetry/calm-1',
      JSON.stringify({ ts: Date.now() - 1000, values: { pm25: 12 } }),
      { qos: 1 },
    );
    await waitFor(async () => ((await stored('calm-1')) === 1 ? true : undefined));

    // Under the broker's limit (payload limit + room for the topic), over the payload limit:
    // ingest reads it, dead-letters it with its bytes, and the connection stays open.
    const near = await connect('near-1');
    await near.publishAsync('ioc/v1/telemetry/near-1', Buffer.alloc(LIMIT + 100, 0x20), { qos: 1 });
    const rows = await waitFor(async () => {
      const r = await deadLetters('near-1');
      return r.length > 0 ? r : undefined;
    });
    expect(rows.map((r) => r.reason)).toEqual(['oversize']);
    expect(near.connected).toBe(true);
  });
});

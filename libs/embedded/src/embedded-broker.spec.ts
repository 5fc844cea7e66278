import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type AcceptedPublish, type EmbeddedBroker } from './embedded-broker';

interface Held {
  publish: AcceptedPublish;
  resolve(): void;
  reject(err: Error): void;
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * For what must NOT happen there is no event to wait on: watch `happened` for a bounded window
 * and fail as soon as it turns true.
 */
async function never(happened: () => boolean, what: string, windowMs: number): Promise<void> {
  const deadline = Date.now() + windowMs;
  do {
    if (happened()) throw new Error(`${what} within ${windowMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  } while (Date.now() < deadline);
  if (happened()) throw new Error(`${what} within ${windowMs} ms`);
}

describe('embedded broker', () => {
  let broker: EmbeddedBroker | undefined;
  const clients: MqttClient[] = [];
  /** Publishes the platform has taken and not yet settled, by payload. */
  const held = new Map<string, Held>();

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.endAsync(true);
    for (const h of held.values()) h.resolve();
    held.clear();
    await broker?.close();
    broker = undefined;
  });

  const oversize: { user: string; bytes: number }[] = [];
  const start = async (accept?: (p: AcceptedPublish) => Promise<void>) => {
    broker = await startEmbeddedBroker(
      { port: 0, host: '127.0.0.1', maxPacketBytes: 64 * 1024 },
      {
        onOversizePacket: (user, bytes) => {
          oversize.push({ user, bytes });
        },
        authenticate: () => Promise.resolve(true),
        authorizePublish: (user, topic) => topic === `ioc/v1/telemetry/${user}`,
        accept:
          accept ??
          ((publish) =>
            new Promise<void>((resolve, reject) => {
              held.set(publish.payload.toString(), { publish, resolve, reject });
            })),
      },
    );
    return broker;
  };
  const connect = async (user: string, opts: mqtt.IClientOptions = {}) => {
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${String(broker?.port)}`, {
      clientId: `spec-${user}`,
      username: user,
      password: 'token',
      protocolVersion: 4,
      ...opts,
    });
    clients.push(c);
    return c;
  };
  /** Publishes at QoS 1; the returned flag turns true when the PUBACK arrives. */
  const publish = (c: MqttClient, user: string, payload: string) => {
    const state = { acked: false };
    c.publish(`ioc/v1/telemetry/${user}`, payload, { qos: 1 }, (err) => {
      if (!err) state.acked = true;
    });
    return state;
  };

  it('acknowledges a QoS 1 PUBLISH only once the platform has made it durable', async () => {
    await start();
    const dev = await connect('dev-1');
    const m = publish(dev, 'dev-1', 'm1');
    await until(() => held.has('m1'), 'the publish handed to the platform');
    expect(held.get('m1')?.publish).toMatchObject({
      username: 'dev-1',
      topic: 'ioc/v1/telemetry/dev-1',
    });
    await never(() => m.acked, 'a PUBACK before the platform settled the message', 150);
    held.get('m1')?.resolve();
    await until(() => m.acked, 'the PUBACK');
  });

  it('takes a client’s messages concurrently and never holds up another client', async () => {
    await start();
    const a = await connect('dev-a');
    const b = await connect('dev-b');
    const a1 = publish(a, 'dev-a', 'a1');
    const a2 = publish(a, 'dev-a', 'a2');
    await until(() => held.has('a1') && held.has('a2'), 'both of a’s messages taken');
    const b1 = publish(b, 'dev-b', 'b1');
    await until(() => held.has('b1'), 'b’s message taken while a waits');
    held.get('b1')?.resolve();
    await until(() => b1.acked, 'b’s PUBACK');
    expect([a1.acked, a2.acked]).toEqual([false, false]);
    held.get('a2')?.resolve();
    held.get('a1')?.resolve();
    await until(() => a1.acked && a2.acked, 'a’s PUBACKs');
  });

  it('leaves a message it could not take unacknowledged: the client sends it again', async () => {
    const attempts: string[] = [];
    await start((p) => {
      attempts.push(p.payload.toString());
      return attempts.length === 1 ? Promise.reject(new Error('not durable')) : Promise.resolve();
    });
    const dev = await connect('dev-1', { reconnectPeriod: 50 });
    const m = publish(dev, 'dev-1', 'again');
    await until(() => m.acked, 'the PUBACK of the resent message');
    expect(attempts).toEqual(['again', 'again']);
  });

  it('refuses every subscription (devices only publish), shared groups included', async () => {
    await start(() => Promise.resolve());
    const rogue = await connect('rogue');
    const got: string[] = [];
    rogue.on('message', (_t, payload) => got.push(payload.toString()));
    // MQTT.js reports a SUBACK with failure codes as an error that carries the packet.
    const granted = await rogue
      .subscribeAsync(['$share/ioc-ingest/ioc/v1/telemetry/+', 'ioc/v1/telemetry/+', '#'], {
        qos: 1,
      })
      .then(
        (subs) => subs.map((g) => g.qos),
        (err: unknown) => (err as { packet?: { granted?: unknown[] } }).packet?.granted,
      );
    expect(granted).toEqual([128, 128, 128]);
    const honest = await connect('dev-1');
    await honest.publishAsync('ioc/v1/telemetry/dev-1', 'private', { qos: 1 });
    // Acknowledged, so routed already: a copy to the rogue would be on the wire by now.
    await never(() => got.length > 0, 'a message delivered to the refused subscriber', 100);
  });

  it('on close, lets taken messages become durable and be acknowledged first', async () => {
    await start();
    const dev = await connect('dev-1', { reconnectPeriod: 0 });
    const m = publish(dev, 'dev-1', 'last');
    await until(() => held.has('last'), 'the publish taken');
    const closing = broker?.close();
    broker = undefined;
    // Closing waits on the taken message: the session stays up and nothing is acknowledged yet.
    await never(() => !dev.connected || m.acked, 'the session ending or acknowledging early', 50);
    held.get('last')?.resolve();
    await closing;
    // Sent before the session ended (the client cannot resend: it does not reconnect).
    await until(() => m.acked, 'the PUBACK');
  });

  it('closes a client that sends a packet over the limit before its body is buffered', async () => {
    const taken: string[] = [];
    await start((p) => {
      taken.push(p.payload.toString().slice(0, 5));
      return Promise.resolve();
    });
    const big = await connect('dev-big', { reconnectPeriod: 0 });
    const closed = new Promise<void>((resolve) =>
      big.once('close', () => {
        resolve();
      }),
    );
    // 8 MiB announced in the header: refused on the header, whatever follows.
    big.publish('ioc/v1/telemetry/dev-big', Buffer.alloc(8 * 1024 * 1024, 0x61), { qos: 1 });
    await closed;
    expect(oversize).toEqual([{ user: 'dev-big', bytes: expect.any(Number) as unknown }]);
    expect(oversize[0]?.bytes).toBeGreaterThan(8 * 1024 * 1024);
    // Another client, and a packet just under the limit, are taken as usual.
    const ok = await connect('dev-ok');
    await ok.publishAsync('ioc/v1/telemetry/dev-ok', `small${'b'.repeat(60 * 1024)}`, { qos: 1 });
    expect(taken).toEqual(['small']);
  });

  it('listens on the interface it is given only (HOST=127.0.0.1 keeps devices on this machine)', async () => {
    await start(() => Promise.resolve());
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
    // Every machine this runs on has a non-loopback address; without one there is nothing to prove.
    expect(outside, 'a non-loopback IPv4 address of this machine').toBeDefined();
    const reached = await new Promise<boolean>((resolve) => {
      const s = createConnection(broker?.port ?? 0, outside ?? '');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => {
        resolve(false);
      });
    });
    expect(reached).toBe(false);
    await connect('dev-local');
  });

  it('stops hearing an address that keeps failing to connect', async () => {
    let checked = 0;
    broker = await startEmbeddedBroker(
      { port: 0, host: '127.0.0.1', maxPacketBytes: 64 * 1024, maxFailedConnectsPerMinute: 3 },
      {
        authenticate: (_user, password) => {
          checked++;
          return Promise.resolve(password === 'right');
        },
        authorizePublish: () => true,
        accept: () => Promise.resolve(),
      },
    );
    const attempt = (password: string) =>
      mqtt
        .connectAsync(`mqtt://127.0.0.1:${String(broker?.port)}`, {
          username: 'dev-1',
          password,
          reconnectPeriod: 0,
          protocolVersion: 4,
        })
        .then(
          async (c) => {
            await c.endAsync(true);
            return 'connected';
          },
          () => 'refused',
        );
    expect(await attempt('right')).toBe('connected');
    for (let i = 0; i < 3; i++) expect(await attempt(`wrong-${i}`)).toBe('refused');
    expect(checked).toBe(4);
    // Even the right password is refused now, and the credentials are not even looked at.
    expect(await attempt('right')).toBe('refused');
    expect(checked).toBe(4);
  });
});

import { createServer, type Server } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type BrokerPolicy, type EmbeddedBroker } from './embedded-broker';

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Who may connect and publish: devices publish on their own telemetry topic with "token". */
function policy(overrides: Partial<BrokerPolicy> = {}) {
  const seen = { accepted: [] as string[], rejected: [] as [string, string, string][] };
  const p: BrokerPolicy = {
    authenticate: (_user, password) => Promise.resolve(password === 'token'),
    authorizePublish: (user, topic) => topic === `ioc/v1/telemetry/${user}`,
    onRejectedPublish: (user, topic, payload) => {
      seen.rejected.push([user, topic, payload.toString()]);
    },
    accept: (publish) => {
      seen.accepted.push(`${publish.username} ${publish.topic} ${publish.payload.toString()}`);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { p, seen };
}

describe('embedded broker: who may connect and publish', () => {
  let broker: EmbeddedBroker | undefined;
  const clients: MqttClient[] = [];
  const servers: Server[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.endAsync(true);
    await broker?.close();
    broker = undefined;
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  const start = async (p: BrokerPolicy, port = 0) => {
    broker = await startEmbeddedBroker({ port, host: '127.0.0.1', maxPacketBytes: 64 * 1024 }, p);
    return broker;
  };
  const connect = (user: string, password = 'token') =>
    mqtt
      .connectAsync(`mqtt://127.0.0.1:${String(broker?.port)}`, {
        clientId: `spec-${user}-${String(clients.length)}`,
        username: user,
        password,
        protocolVersion: 4,
        reconnectPeriod: 0,
      })
      .then((c) => {
        clients.push(c);
        return c;
      });

  it('refuses bad credentials as "bad username or password", and a failing check as "server unavailable"', async () => {
    await start(policy().p);
    await expect(connect('dev-1', 'wrong')).rejects.toMatchObject({ code: 4 });
    await broker?.close();
    await start(policy({ authenticate: () => Promise.reject(new Error('db down')) }).p);
    await expect(connect('dev-1')).rejects.toMatchObject({ code: 3 });
  });

  it('hands a publish on another device’s topic to the rejection hook, never to the platform', async () => {
    const { p, seen } = policy();
    await start(p);
    const dev = await connect('dev-1');
    dev.publish('ioc/v1/telemetry/dev-2', 'forged', { qos: 1 });
    await until(() => seen.rejected.length === 1, 'the rejection');
    expect(seen.rejected).toEqual([['dev-1', 'ioc/v1/telemetry/dev-2', 'forged']]);
    const honest = await connect('dev-2');
    await honest.publishAsync('ioc/v1/telemetry/dev-2', 'real', { qos: 1 });
    expect(seen.accepted).toEqual(['dev-2 ioc/v1/telemetry/dev-2 real']);
  });

  it('keeps $SYS to itself, whatever the policy says', async () => {
    const { p, seen } = policy({ authorizePublish: () => true });
    await start(p);
    const dev = await connect('dev-1');
    const closed = new Promise<void>((resolve) =>
      dev.once('close', () => {
        resolve();
      }),
    );
    dev.publish('$SYS/broker/uptime', 'spoofed', { qos: 1 });
    await closed;
    expect(seen.accepted).toEqual([]);
  });

  it('ends every session of a user whose token changed, and no one else’s', async () => {
    await start(policy().p);
    const a1 = await connect('dev-a');
    const a2 = await connect('dev-a');
    const b = await connect('dev-b');
    const closed = (c: MqttClient) =>
      new Promise<void>((resolve) =>
        c.once('close', () => {
          resolve();
        }),
      );
    const gone = Promise.all([closed(a1), closed(a2)]);
    expect(broker?.disconnectUser('dev-a')).toBe(2);
    await gone;
    expect(b.connected).toBe(true);
    expect(broker?.disconnectUser('dev-a')).toBe(0);
  });

  it('moves to the next free port when the configured one is taken, and says so', async () => {
    const squatter = createServer();
    servers.push(squatter);
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as { port: number }).port;
    const b = await start(policy().p, taken);
    expect(b.moved).toBe(true);
    expect(b.port).toBeGreaterThan(taken);
    await connect('dev-1');
  });
});

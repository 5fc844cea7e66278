import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { never, until } from '../testing/wait';
import { MqttCollector } from './mqtt-collector';

/**
 * The collector holds each QoS 1 PUBACK until its message is durable by replacing MQTT.js's
 * private `_sendPacket` (MQTT.js's public `customHandleAcks` cannot: it stops reading until its
 * callback, one message per commit). These specs fail if an MQTT.js upgrade changes what the
 * hold relies on: the method, its arguments, or the PUBACK going through it.
 */

interface Held {
  resolve(): void;
  reject(err: Error): void;
}

describe('MqttCollector: PUBACK only after the handler resolves', () => {
  let aedes: Aedes;
  let server: Server;
  let url: string;
  /** Payloads of the messages the collector acknowledged, in the order the broker got them. */
  let acked: string[];
  /** Closers of the clients a test opened. */
  const open: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    acked = [];
    aedes = await Aedes.createBroker();
    aedes.on('ack', (packet, client) => {
      if (client.id === 'collector-spec' && 'payload' in packet) acked.push(String(packet.payload));
    });
    server = createServer(aedes.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
    await new Promise<void>((resolve) => {
      aedes.close(() => {
        resolve();
      });
    });
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  const device = async () => {
    const c = await mqtt.connectAsync(url, { clientId: 'device-spec', protocolVersion: 4 });
    open.push(() => c.endAsync(true));
    return c;
  };
  const collector = async (handler: (payload: string) => Promise<void>) => {
    const c = new MqttCollector(
      { url, clientId: 'collector-spec', protocolVersion: 4, minPauseMs: 50 },
      (_topic, payload) => handler(payload.toString()),
    );
    await c.start();
    open.push(() => c.stop());
    return c;
  };

  it('still finds the private MQTT.js method the hold replaces, with its arguments', () => {
    const send = (MqttClient.prototype as unknown as { _sendPacket?: unknown })._sendPacket;
    expect(typeof send).toBe('function');
    // (packet, cb, cbStorePut, noStore): the hold calls `cb` at once and writes `packet` later.
    expect((send as (...args: unknown[]) => void).length).toBe(4);
  });

  it('holds the PUBACK until the handler resolves, and reads the next message meanwhile', async () => {
    const held = new Map<string, Held>();
    const c = await collector(
      (payload) =>
        new Promise<void>((resolve, reject) => {
          held.set(payload, { resolve, reject });
        }),
    );
    const d = await device();
    await d.publishAsync('ioc/v1/telemetry/dev-1', 'first', { qos: 1 });
    await d.publishAsync('ioc/v1/telemetry/dev-1', 'second', { qos: 1 });
    // Both reached the handler although neither is durable: reading did not wait for an ack.
    await until(() => held.size === 2, 'both messages at the handler');
    await never(() => acked.length > 0, 'a PUBACK before its handler resolved', 100);

    held.get('second')?.resolve();
    await until(() => acked.length === 1, 'the second PUBACK');
    expect(acked).toEqual(['second']);
    held.get('first')?.resolve();
    await until(() => acked.length === 2, 'the first PUBACK');
    expect(acked).toEqual(['second', 'first']);
    expect(c.stats).toMatchObject({ received: 2, acked: 2, failed: 0 });
  });

  it('never acknowledges a message whose handler failed: the broker delivers it again', async () => {
    const attempts: string[] = [];
    const c = await collector((payload) => {
      attempts.push(payload);
      return attempts.length === 1 ? Promise.reject(new Error('not durable')) : Promise.resolve();
    });
    const d = await device();
    await d.publishAsync('ioc/v1/telemetry/dev-1', 'only', { qos: 1 });
    await until(() => acked.length === 1, 'the PUBACK of the redelivered message');
    expect(attempts).toEqual(['only', 'only']);
    expect(acked).toEqual(['only']);
    expect(c.stats.failed).toBe(1);
  });
});

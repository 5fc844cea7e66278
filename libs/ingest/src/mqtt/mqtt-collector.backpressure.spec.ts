import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startAedes, until } from '../testing/aedes';
import { BackpressureError } from '../writer/backpressure.error';
import { MqttCollector, type CollectorEvents } from './mqtt-collector';

describe('MqttCollector: backpressure', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  const setup = async (
    handler: (payload: string) => Promise<void>,
    canConsume: () => boolean,
    events: CollectorEvents,
  ) => {
    const broker = await startAedes('collector-bp');
    closers.push(() => broker.close());
    const collector = new MqttCollector(
      { url: broker.url, clientId: 'collector-bp', protocolVersion: 4, minPauseMs: 20 },
      (_topic, payload) => handler(payload.toString()),
      canConsume,
      events,
    );
    await collector.start();
    closers.push(() => collector.stop());
    const device = await mqtt.connectAsync(broker.url, { clientId: 'dev-bp', protocolVersion: 4 });
    closers.push(() => device.endAsync(true));
    return { broker, collector, device };
  };

  it('stops reading while the pipeline is full and reads on once it has room', async () => {
    let room = false;
    const log: string[] = [];
    const { broker, collector, device } = await setup(
      (payload) => {
        log.push(`handled ${payload}`);
        return Promise.resolve();
      },
      () => room,
      {
        blocked: () => log.push('blocked'),
        unblocked: () => log.push('unblocked'),
      },
    );
    await device.publishAsync('ioc/v1/telemetry/dev-bp', 'm1', { qos: 1 });
    await until(() => collector.stats.blocked, 'reading stopped');
    // The broker has the second message; the collector must not read it while full.
    await device.publishAsync('ioc/v1/telemetry/dev-bp', 'm2', { qos: 1 });
    expect(collector.stats).toMatchObject({ received: 1, blocks: 1 });
    room = true;
    await until(() => broker.acked.length === 2, 'both PUBACKs');
    expect(log).toEqual(['handled m1', 'blocked', 'unblocked', 'handled m2']);
  });

  it('retries a message the pipeline could not take yet on the same connection, acknowledging it once', async () => {
    const attempts: string[] = [];
    let connects = 0;
    const { broker, collector, device } = await setup(
      (payload) => {
        attempts.push(payload);
        return attempts.length === 1 ? Promise.reject(new BackpressureError(1)) : Promise.resolve();
      },
      () => true,
      { connected: () => connects++ },
    );
    await device.publishAsync('ioc/v1/telemetry/dev-bp', 'again', { qos: 1 });
    await until(() => broker.acked.length === 1, 'the PUBACK');
    expect(attempts).toEqual(['again', 'again']);
    expect(collector.stats).toMatchObject({ retries: 1, pauses: 0, failed: 0, acked: 1 });
    expect(connects).toBe(1);
  });

  it('disconnects on a message that failed, so the broker keeps the rest, and comes back', async () => {
    const attempts: string[] = [];
    const paused: string[] = [];
    let connects = 0;
    const { broker, collector, device } = await setup(
      (payload) => {
        attempts.push(payload);
        return attempts.length === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve();
      },
      () => true,
      { paused: (reason) => paused.push(reason), connected: () => connects++ },
    );
    await device.publishAsync('ioc/v1/telemetry/dev-bp', 'm', { qos: 1 });
    await until(() => broker.acked.length === 1, 'the PUBACK of the redelivered message');
    expect(paused).toEqual(['disk full']);
    expect(connects).toBe(2);
    expect(collector.stats).toMatchObject({ failed: 1, pauses: 1, acked: 1 });
  });
});

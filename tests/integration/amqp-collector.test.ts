/**
 * Issue 19, the AMQP collector on the machine's RabbitMQ (127.0.0.1:5672, guest): it declares a
 * quorum queue bound to the telemetry routing keys, hands each message on with its MQTT topic,
 * acknowledges only once the handler resolved and hands a failed one back to the queue (it comes
 * again); it skips an unreachable node in AMQP_URLS; the platform's own messages go to
 * `amq.topic` under the routing key the MQTT plugin maps their topic to.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmqpCollector } from '@ioc/ingest';
import { serviceAvailable } from '../support/databases';
import { testEnv } from '../support/env';
import { freePort } from '../support/processes';
import { waitFor } from '../support/wait';

const hasRabbit = await serviceAvailable('RabbitMQ (AMQP)', async () => {
  try {
    const c = await connect(testEnv.amqpUrl);
    await c.close();
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!hasRabbit)('AMQP collector', () => {
  let model: ChannelModel;
  let ch: Channel;
  const queue = `ioc.test-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    model = await connect(testEnv.amqpUrl);
    ch = await model.createChannel();
  });
  afterAll(async () => {
    await ch.deleteQueue(queue).catch(() => undefined);
    await model.close();
  });

  it('acknowledges after the handler resolved, and redelivers what failed', async () => {
    const seen: string[] = [];
    let failOnce = true;
    const collector = new AmqpCollector(
      // An unreachable node first: the collector goes on to the next.
      {
        urls: [`amqp://guest:guest@127.0.0.1:${await freePort()}`, testEnv.amqpUrl],
        queue,
        prefetch: 10,
        failurePauseMs: 50,
      },
      (topic, payload) => {
        seen.push(`${topic} ${payload.toString()}`);
        if (topic.endsWith('/flaky') && failOnce) {
          failOnce = false;
          return Promise.reject(new Error('database away'));
        }
        return Promise.resolve();
      },
    );
    await collector.start();
    const { queue: declared } = await ch.checkQueue(queue);
    expect(declared).toBe(queue);

    ch.publish('amq.topic', 'ioc.v1.telemetry.aq-1', Buffer.from('a'));
    ch.publish('amq.topic', 'ioc.v1.gateway.gw-1.telemetry', Buffer.from('g'));
    ch.publish('amq.topic', 'ioc.v1.telemetry.flaky', Buffer.from('f'));
    // Not telemetry: never reaches the collectors' queue.
    ch.publish('amq.topic', 'v1.1.Datastreams(1).Observations', Buffer.from('x'));
    await waitFor(() => (collector.stats.acked === 3 ? true : undefined), 10_000, '3 acks');
    expect(collector.stats.requeued).toBe(1);
    expect(seen.filter((s) => s === 'ioc/v1/telemetry/flaky f')).toHaveLength(2);
    expect(seen).toContain('ioc/v1/telemetry/aq-1 a');
    expect(seen).toContain('ioc/v1/gateway/gw-1/telemetry g');
    expect(seen.some((s) => s.startsWith('v1.1'))).toBe(false);
    await collector.stop();
    // Nothing left behind: every message was acknowledged.
    expect((await ch.checkQueue(queue)).messageCount).toBe(0);
  });

  it('publishes the platform’s own messages under the MQTT plugin’s routing key', async () => {
    const probe = (await ch.assertQueue('', { exclusive: true })).queue;
    await ch.bindQueue(probe, 'amq.topic', 'v1.1.#');
    const collector = new AmqpCollector({ urls: [testEnv.amqpUrl], queue, prefetch: 10 }, () =>
      Promise.resolve(),
    );
    await collector.start();
    collector.publish('v1.1/Datastreams(7)/Observations', '{"result":1}');
    const msg = await waitFor(async () => (await ch.get(probe, { noAck: true })) || undefined);
    expect(msg.fields.routingKey).toBe('v1.1.Datastreams(7).Observations');
    expect(msg.content.toString()).toBe('{"result":1}');
    await collector.stop();
  });
});

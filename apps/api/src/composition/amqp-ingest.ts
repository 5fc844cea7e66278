import type { ApiConfig } from '@ioc/config';
import { AmqpCollector, RabbitMqAccess, type DeviceDirectory } from '@ioc/ingest';
import { STA_TOPIC_ROOT } from '@ioc/opendata';
import type { MqttIngest, MqttIngestOptions } from './mqtt-ingest';

/**
 * A RabbitMQ cluster as the broker (issue 19, infra/rabbitmq): devices publish MQTT to any node,
 * the MQTT plugin routes it to `amq.topic`, and the collectors — this process among them —
 * compete on one durable quorum queue over AMQP, each message to one collector, acknowledged
 * once committed. The platform's own `v1.1/` messages go to `amq.topic` under the routing key
 * the MQTT plugin maps the topic to, so MQTT subscribers get them.
 */
export async function openAmqpIngest(
  opts: MqttIngestOptions,
  amqp: { urls: string[]; queue: string; prefetch: number },
): Promise<MqttIngest> {
  let up = false;
  const collector = new AmqpCollector(
    { urls: amqp.urls, queue: amqp.queue, prefetch: amqp.prefetch },
    (topic, payload, at) => opts.ingest.handleMqtt(topic, payload, at),
    {
      connected: () => (up = true),
      error: (err) => {
        up = collector.stats.connected;
        opts.warn(`AMQP: ${err.message}`);
      },
      failed: (err) => {
        opts.warn(`AMQP message not taken (returned to the queue): ${String(err)}`);
      },
    },
  );
  await collector.start();
  return {
    kind: 'external',
    url: withoutCredentials(amqp.urls[0] ?? ''),
    port: null,
    moved: false,
    connected: () => up && collector.stats.connected,
    // The prefetch window holds the stream at the broker while the writer catches up.
    readingStopped: () => !opts.hasRoom(),
    disconnectUser: () => undefined,
    publish: (topic, payload) => {
      collector.publish(topic, payload);
    },
    stop: () => collector.stop(),
  };
}

/**
 * Messages a collector holds unacknowledged: two writer batches, so the writer always has the
 * next batch while one commits, far below the writer's buffer (basic.qos allows ≤ 65535).
 */
export function amqpPrefetch(config: Pick<ApiConfig, 'WRITER_BATCH_SIZE'>): number {
  return Math.min(65_535, config.WRITER_BATCH_SIZE * 2);
}

/** The RabbitMQ auth-backend answers, over the device registry and the configured accounts. */
export function rabbitMqAccess(config: ApiConfig, directory: DeviceDirectory): RabbitMqAccess {
  const services = (config.AMQP_URLS ?? []).map((u) => decodeURIComponent(new URL(u).username));
  if (config.BROKER_SERVICE_USERNAME) services.push(config.BROKER_SERVICE_USERNAME);
  return new RabbitMqAccess({
    authenticate: (id, token) => directory.authenticate(id, token),
    serviceUsernames: services.filter((s) => s !== ''),
    publicPrefix: STA_TOPIC_ROOT,
    vhost: '/',
  });
}

function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

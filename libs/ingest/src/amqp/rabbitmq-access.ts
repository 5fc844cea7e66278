import { isValidDeviceId } from '../devices/credentials';
import { mayPublish } from '../mqtt/topics';
import { routingKeyToTopic, topicToRoutingKey } from './routing-keys';

export interface RabbitMqAccessDeps {
  /** A device's or gateway's id and token (as on the embedded broker); null when refused. */
  authenticate(id: string, token: string): Promise<unknown>;
  /**
   * The collectors' accounts. They live in RabbitMQ's internal database (the backend after this
   * one), so this backend refuses their names: a device registered under such a name can never
   * log in as the collectors, and the platform never needs their passwords.
   */
  serviceUsernames: readonly string[];
  /** Topics anyone may read and only the platform publishes (`v1.1/`, SensorThings MQTT). */
  publicPrefix: string;
  /** The one virtual host devices use (RabbitMQ's MQTT default, `/`). */
  vhost: string;
}

export interface UserQuestion {
  username: string;
  password: string;
}
export interface VhostQuestion {
  username: string;
  vhost: string;
}
export interface ResourceQuestion extends VhostQuestion {
  resource: string;
  name: string;
  permission: string;
}
export interface TopicQuestion extends ResourceQuestion {
  routing_key: string;
}

/**
 * The answers rabbitmq_auth_backend_http asks for (issue 19): devices connect to the RabbitMQ
 * cluster's MQTT listeners with their id and token, and may
 *   - publish only to their own telemetry topics (the collectors trust the topic for identity);
 *   - subscribe only under the public `v1.1/` topics — never anyone's telemetry, so no device can
 *     read the stream the collectors split (`ioc/v1/telemetry/#`, `$share/…` are just topics
 *     outside `v1.1/` to RabbitMQ 3.x);
 *   - touch no AMQP resource but their own MQTT subscription queues and `amq.topic` (publish, and
 *     bind for subscriptions, the binding key being checked as a topic read) — in particular not
 *     the collectors' queue, over MQTT or AMQP.
 * Every question names a user this backend authenticated: the collectors' accounts are answered
 * by RabbitMQ's internal backend, never here.
 */
export class RabbitMqAccess {
  constructor(private readonly deps: RabbitMqAccessDeps) {}

  async user(q: UserQuestion): Promise<boolean> {
    if (!this.isDevice(q.username) || q.password === '') return false;
    return (await this.deps.authenticate(q.username, q.password)) !== null;
  }

  vhost(q: VhostQuestion): boolean {
    return this.isDevice(q.username) && q.vhost === this.deps.vhost;
  }

  resource(q: ResourceQuestion): boolean {
    if (!this.vhost(q)) return false;
    if (q.resource === 'queue') {
      // RabbitMQ 3.x names a client's subscription queues after its MQTT client id: a device
      // that subscribes connects with its own id as client id.
      const own = `mqtt-subscription-${q.username}`;
      return (
        (q.name === `${own}qos0` || q.name === `${own}qos1`) &&
        ['configure', 'write', 'read'].includes(q.permission)
      );
    }
    if (q.resource === 'exchange')
      return q.name === 'amq.topic' && (q.permission === 'write' || q.permission === 'read');
    return false;
  }

  topic(q: TopicQuestion): boolean {
    if (!this.vhost(q) || q.resource !== 'topic' || q.name !== 'amq.topic') return false;
    if (q.permission === 'write') return mayPublish(q.username, routingKeyToTopic(q.routing_key));
    // Compared as routing keys: the broker maps `v1.1/#` to `v1.1.#`, whose dots it cannot
    // tell from level separators (routing-keys.ts); telemetry keys start with `ioc.`.
    if (q.permission === 'read')
      return q.routing_key.startsWith(topicToRoutingKey(this.deps.publicPrefix));
    return false;
  }

  private isDevice(username: string): boolean {
    return isValidDeviceId(username) && !this.deps.serviceUsernames.includes(username);
  }
}

import { describe, expect, it } from 'vitest';
import { RabbitMqAccess } from './rabbitmq-access';
import { TELEMETRY_BINDING_KEYS, routingKeyToTopic, topicToRoutingKey } from './routing-keys';

const access = new RabbitMqAccess({
  authenticate: (id, token) => Promise.resolve(id === 'aq-1' && token === 'good' ? {} : null),
  serviceUsernames: ['ioc-collector'],
  publicPrefix: 'v1.1/',
  vhost: '/',
});
const base = { username: 'aq-1', vhost: '/' };
const topic = (permission: string, routing_key: string, username = 'aq-1') => ({
  ...base,
  username,
  resource: 'topic',
  name: 'amq.topic',
  permission,
  routing_key,
});

describe('RabbitMQ routing keys', () => {
  it('maps / and . as RabbitMQ 3.x’s MQTT plugin does', () => {
    expect(topicToRoutingKey('ioc/v1/telemetry/aq-1')).toBe('ioc.v1.telemetry.aq-1');
    expect(routingKeyToTopic('ioc.v1.telemetry.aq-1')).toBe('ioc/v1/telemetry/aq-1');
    expect(topicToRoutingKey('v1.1/Datastreams(1)/Observations')).toBe(
      'v1.1.Datastreams(1).Observations',
    );
    expect(TELEMETRY_BINDING_KEYS).toEqual(['ioc.v1.telemetry.*', 'ioc.v1.gateway.*.telemetry']);
  });
});

describe('RabbitMqAccess', () => {
  it('authenticates devices by token and never the collectors account', async () => {
    expect(await access.user({ username: 'aq-1', password: 'good' })).toBe(true);
    expect(await access.user({ username: 'aq-1', password: 'bad' })).toBe(false);
    expect(await access.user({ username: 'aq-1', password: '' })).toBe(false);
    expect(await access.user({ username: 'ioc-collector', password: 'good' })).toBe(false);
    expect(await access.user({ username: 'no such/id', password: 'good' })).toBe(false);
  });

  it('lets a device publish only to its own topics', () => {
    expect(access.topic(topic('write', 'ioc.v1.telemetry.aq-1'))).toBe(true);
    expect(access.topic(topic('write', 'ioc.v1.gateway.aq-1.telemetry'))).toBe(true);
    expect(access.topic(topic('write', 'ioc.v1.telemetry.aq-2'))).toBe(false);
    expect(access.topic(topic('write', 'v1.1.Datastreams(1).Observations'))).toBe(false);
    // A dotted id's topic no longer names it once routed: refused, never mistaken for another.
    expect(access.topic(topic('write', 'ioc.v1.telemetry.aq.1', 'aq.1'))).toBe(false);
  });

  it('lets a device read the public topics only', () => {
    expect(access.topic(topic('read', 'v1.1.#'))).toBe(true);
    expect(access.topic(topic('read', 'v1.1.Datastreams(*).Observations'))).toBe(true);
    const refused = [
      'ioc.v1.telemetry.#',
      'ioc.v1.telemetry.aq-1',
      '#',
      '*.#',
      'v1.#',
      '$share.g.#',
    ];
    for (const key of refused) expect(access.topic(topic('read', key))).toBe(false);
  });

  it('grants no AMQP resource but its own subscription queues and amq.topic', () => {
    const r = (resource: string, name: string, permission: string) =>
      access.resource({ ...base, resource, name, permission });
    expect(r('queue', 'mqtt-subscription-aq-1qos1', 'configure')).toBe(true);
    expect(r('queue', 'mqtt-subscription-aq-1qos0', 'read')).toBe(true);
    expect(r('queue', 'mqtt-subscription-aq-2qos1', 'read')).toBe(false);
    expect(r('queue', 'ioc.telemetry', 'read')).toBe(false);
    expect(r('queue', 'ioc.telemetry', 'configure')).toBe(false);
    expect(r('exchange', 'amq.topic', 'write')).toBe(true);
    expect(r('exchange', 'amq.topic', 'configure')).toBe(false);
    expect(r('exchange', 'amq.direct', 'write')).toBe(false);
    expect(
      access.resource({
        ...base,
        vhost: 'other',
        resource: 'exchange',
        name: 'amq.topic',
        permission: 'write',
      }),
    ).toBe(false);
  });
});

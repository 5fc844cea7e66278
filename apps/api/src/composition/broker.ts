import mqtt, { type MqttClient } from 'mqtt';
import { startEmbeddedBroker, type AcceptedPublish } from '@ioc/embedded';
import { openAmqpIngest } from './amqp-ingest';
import type { MqttIngest, MqttIngestOptions } from './mqtt-ingest';
import { BackpressureError, MqttCollector, mayPublish } from '@ioc/ingest';

export type { MqttIngest, MqttIngestOptions } from './mqtt-ingest';

/**
 * External broker when MQTT_URL is set (its own authn/authz, see infra/): the collector
 * subscribes and holds each PUBACK until the message is durable. Else, with AMQP_URLS, a
 * RabbitMQ cluster whose queue the collectors share (amqp-ingest.ts). Otherwise an in-process Aedes
 * that authenticates devices and gateways by token, lets each publish only under its own id,
 * and hands every PUBLISH straight to ingest, acknowledging it only once it is durable — the
 * broker dies with the process, so an acknowledgement must never run ahead of the commit.
 */
export async function openMqttIngest(opts: MqttIngestOptions): Promise<MqttIngest> {
  if (opts.mqttUrl) return openExternal(opts, opts.mqttUrl);
  if (opts.amqp && opts.amqp.urls.length > 0) return openAmqpIngest(opts, opts.amqp);
  const listen = {
    port: opts.port,
    host: opts.host,
    // Room for the topic and properties above the payload limit, so a payload just over it still
    // reaches ingest and is dead-lettered with its bytes; far bigger ones end the connection.
    maxPacketBytes: opts.maxPayloadBytes + 65_536,
    maxFailedConnectsPerMinute: opts.maxFailedConnectsPerMinute,
  };
  const broker = await startEmbeddedBroker(listen, {
    anonymousReadPrefix: opts.publicPrefix,
    onOversizePacket: (username, bytes) => {
      opts.ingest.rejectOversizePacket(username, bytes);
    },
    authenticate: async (username, password) =>
      (await opts.directory.authenticate(username, password)) !== null,
    authorizePublish: (username, topic) => mayPublish(username, topic),
    onRejectedPublish: (username, topic, payload) => {
      opts.ingest.rejectUnauthorizedPublish(username, topic, payload);
    },
    accept: (publish) =>
      untilDurable(publish, () =>
        opts.ingest.handleMqtt(publish.topic, publish.payload, publish.receivedAt),
      ).catch((err: unknown) => {
        opts.warn(
          `MQTT message from ${publish.username} not taken (the device sends it again): ${String(err)}`,
        );
        throw err;
      }),
  });
  let open = true;
  return {
    kind: 'embedded',
    url: `mqtt://${localAddress(opts.host)}:${broker.port}`,
    port: broker.port,
    moved: broker.moved,
    connected: () => open,
    readingStopped: () => !opts.hasRoom(),
    disconnectUser: (id) => {
      broker.disconnectUser(id);
    },
    publish: (topic, payload) => {
      if (open) broker.publish(topic, payload);
    },
    stop: async () => {
      open = false;
      await broker.close();
    },
  };
}

/**
 * Takes a message, trying again while the device registry is unreachable (BackpressureError)
 * and the device still waits on this connection for its acknowledgement; once the connection
 * is gone the device sends the message again itself.
 */
async function untilDurable(
  publish: AcceptedPublish,
  take: () => Promise<void>,
  baseMs = 1000,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await take();
      return;
    } catch (err) {
      if (!(err instanceof BackpressureError) || !publish.connectionOpen()) throw err;
      await new Promise((r) => setTimeout(r, Math.min(baseMs * attempt, baseMs * 10)));
    }
  }
}

async function openExternal(opts: MqttIngestOptions, url: string): Promise<MqttIngest> {
  let up = false;
  const collector = new MqttCollector(
    {
      url,
      clientId: opts.clientId,
      ...(opts.username !== undefined ? { username: opts.username } : {}),
      ...(opts.password !== undefined ? { password: opts.password } : {}),
      protocolVersion: 5,
      sharedGroup: opts.sharedGroup,
    },
    (topic, payload, at) => opts.ingest.handleMqtt(topic, payload, at),
    opts.hasRoom,
    {
      connected: () => (up = true),
      error: (err) => {
        up = false;
        opts.warn(`MQTT: ${err.message}`);
      },
      paused: (reason) => {
        opts.warn(`MQTT collector paused: ${reason}`);
      },
    },
  );
  await collector.start();
  up = true;
  const publisher = new LazyPublisher(opts, url);
  return {
    kind: 'external',
    url,
    port: null,
    moved: false,
    connected: () => up,
    readingStopped: () => collector.stats.blocked,
    disconnectUser: () => undefined,
    publish: (topic, payload) => {
      publisher.publish(topic, payload);
    },
    stop: async () => {
      await collector.stop().catch(() => undefined);
      await publisher.stop();
    },
  };
}

/**
 * The platform's publishing connection to an external broker, apart from the collector's: the
 * collector's session is persistent, holds PUBACKs and stops reading under backpressure, none of
 * which public updates should wait on or disturb. Same identity (MQTT_USERNAME: the broker's
 * ACL lets it publish under v1.1/, infra/), its own client id. Opened on the first message, so a
 * platform with nothing published holds no extra connection.
 */
class LazyPublisher {
  private client: MqttClient | undefined;
  private stopped = false;
  /** Messages taken while (re)connecting, sent on connect; bounded, the newest are dropped. */
  private waiting: [string, string][] = [];

  constructor(
    private readonly opts: MqttIngestOptions,
    private readonly url: string,
    private readonly maxWaiting = 1000,
  ) {}

  publish(topic: string, payload: string): void {
    if (this.stopped) return;
    this.client ??= this.open();
    if (this.client.connected) this.client.publish(topic, payload, { qos: 0, retain: false });
    else if (this.waiting.length < this.maxWaiting) this.waiting.push([topic, payload]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting = [];
    await this.client?.endAsync(true).catch(() => undefined);
  }

  private open(): MqttClient {
    const o = this.opts;
    const client = mqtt.connect(this.url, {
      clientId: `${o.clientId}-pub`,
      clean: true,
      protocolVersion: 5,
      reconnectPeriod: 1000,
      // QoS 0 and our own bounded queue: MQTT.js's offline queue has no bound.
      queueQoSZero: false,
      log: () => undefined,
      ...(o.username !== undefined ? { username: o.username } : {}),
      ...(o.password !== undefined ? { password: o.password } : {}),
    });
    client.on('connect', () => {
      const waiting = this.waiting;
      this.waiting = [];
      for (const [topic, payload] of waiting) client.publish(topic, payload, { qos: 0 });
    });
    client.on('error', (err) => {
      o.warn(`MQTT (SensorThings updates): ${err.message}`);
    });
    return client;
  }
}

/** The address this machine's own clients (the simulator, the start banner) reach a bind on. */
function localAddress(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

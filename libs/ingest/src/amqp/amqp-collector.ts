import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { MessageHandler } from '../mqtt/mqtt-collector';
import { routingKeyToTopic, TELEMETRY_BINDING_KEYS, topicToRoutingKey } from './routing-keys';

export interface AmqpCollectorOptions {
  /** Every cluster node's AMQP URL (with the collectors' credentials); tried in order. */
  urls: string[];
  /** The collectors' shared queue (a durable quorum queue, declared if missing). */
  queue: string;
  /** Unacknowledged messages this collector holds at most (basic.qos, ≤ 65535). */
  prefetch: number;
  /** First pause between reconnect rounds; doubles to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Pause before a failed message is handed back to the queue (grows while failures repeat). */
  failurePauseMs?: number;
}

export interface AmqpCollectorEvents {
  connected?(url: string): void;
  error?(err: Error): void;
  failed?(err: unknown): void;
}

export interface AmqpCollectorStats {
  received: number;
  acked: number;
  /** Handed back to the queue (nack, requeue) after the handler failed. */
  requeued: number;
  /** Settled after their channel had closed: the broker redelivers those. */
  stale: number;
  inFlight: number;
  connected: boolean;
  reconnects: number;
}

/**
 * The collectors' source on a RabbitMQ cluster (issue 19). RabbitMQ 3.x has no MQTT shared
 * subscriptions, so the stream is split the AMQP way: every collector consumes one durable
 * quorum queue bound to `amq.topic` with the telemetry routing keys (the MQTT plugin publishes
 * there) and the broker hands each message to one consumer — competing consumers. The quorum
 * queue is replicated over the cluster, so a node's loss loses no message.
 *
 * A message is acknowledged only after the handler resolved, i.e. the writer committed its rows
 * (or dead-lettered a bad payload); a failed one is requeued after a pause. The prefetch bounds
 * what this collector holds, so the writer's buffer bounds memory as with MQTT. On connection
 * loss every unacknowledged message returns to the queue (writes are idempotent), and the
 * collector reconnects to the next node, round after round with backoff.
 *
 * Identity: RabbitMQ's MQTT plugin does not carry the publisher's username into the message, so
 * the device is the one the topic names. That is safe only with the broker's topic ACL — the
 * platform's auth backend (RabbitMqAccess) lets a device publish only to its own topics — so the
 * cluster must run with that backend (infra/rabbitmq).
 */
export class AmqpCollector {
  private model: ChannelModel | undefined;
  private channel: Channel | undefined;
  private publisher: Channel | undefined;
  private consumerTag: string | undefined;
  private stopping = false;
  private reconnecting: Promise<void> | undefined;
  private next = 0;
  private consecutiveFailures = 0;
  private inFlight = 0;
  private readonly counters = { received: 0, acked: 0, requeued: 0, stale: 0, reconnects: 0 };

  constructor(
    private readonly options: AmqpCollectorOptions,
    private readonly handler: MessageHandler,
    private readonly events: AmqpCollectorEvents = {},
  ) {
    if (options.urls.length === 0) throw new Error('AmqpCollector needs at least one URL');
  }

  get stats(): AmqpCollectorStats {
    return {
      ...this.counters,
      inFlight: this.inFlight,
      connected: this.channel !== undefined,
    };
  }

  /** Connects to the first reachable node (one round over all); rejects when none is. */
  async start(): Promise<void> {
    await this.connectRound();
  }

  /** QoS 0 publish of the platform's own message (`v1.1/…`); dropped while disconnected. */
  publish(topic: string, payload: string): void {
    try {
      this.publisher?.publish('amq.topic', topicToRoutingKey(topic), Buffer.from(payload));
    } catch {
      // The channel closed under us: dropped, like any QoS 0 message while the broker is away.
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const model = this.model;
    // No new deliveries; what this collector holds is finished below or returns to the queue.
    if (this.channel && this.consumerTag)
      await this.channel.cancel(this.consumerTag).catch(() => undefined);
    const deadline = Date.now() + 10_000;
    // Let in-flight messages finish so they are acknowledged before the connection closes.
    while (this.inFlight > 0 && Date.now() < deadline) await sleep(20);
    this.model = undefined;
    this.channel = undefined;
    this.publisher = undefined;
    await model?.close().catch(() => undefined);
  }

  private async connectRound(): Promise<void> {
    const { urls } = this.options;
    let last: unknown;
    for (let i = 0; i < urls.length && !this.stopping; i++) {
      const url = urls[(this.next + i) % urls.length] ?? '';
      try {
        await this.open(url);
        this.next = (this.next + i) % urls.length;
        return;
      } catch (err) {
        last = err;
      }
    }
    throw last instanceof Error ? last : new Error(`no AMQP node reachable: ${String(last)}`);
  }

  private async open(url: string): Promise<void> {
    const model = await connect(withHeartbeat(url));
    try {
      const channel = await model.createChannel();
      await channel.assertQueue(this.options.queue, {
        durable: true,
        arguments: { 'x-queue-type': 'quorum' },
      });
      for (const key of TELEMETRY_BINDING_KEYS)
        await channel.bindQueue(this.options.queue, 'amq.topic', key);
      await channel.prefetch(Math.min(65_535, Math.max(1, this.options.prefetch)));
      const publisher = await model.createChannel();
      model.on('error', (err: Error) => this.events.error?.(err));
      model.on('close', () => {
        this.lost(model);
      });
      this.model = model;
      this.channel = channel;
      this.publisher = publisher;
      const { consumerTag } = await channel.consume(this.options.queue, (msg) => {
        if (msg) this.onMessage(channel, msg);
      });
      this.consumerTag = consumerTag;
      this.events.connected?.(url);
    } catch (err) {
      await model.close().catch(() => undefined);
      throw err;
    }
  }

  private onMessage(channel: Channel, msg: ConsumeMessage): void {
    this.counters.received++;
    this.inFlight++;
    const topic = routingKeyToTopic(msg.fields.routingKey);
    this.handler(topic, msg.content, new Date()).then(
      () => {
        this.inFlight--;
        this.consecutiveFailures = 0;
        this.settle(channel, () => {
          channel.ack(msg);
          this.counters.acked++;
        });
      },
      (err: unknown) => {
        this.events.failed?.(err);
        this.consecutiveFailures++;
        const base = this.options.failurePauseMs ?? 1000;
        // Holding the message a moment keeps a failing pipeline from spinning on redeliveries.
        setTimeout(
          () => {
            this.inFlight--;
            this.settle(channel, () => {
              channel.nack(msg, false, true);
              this.counters.requeued++;
            });
          },
          Math.min(base * this.consecutiveFailures, base * 10),
        );
      },
    );
  }

  /** Acknowledgements are valid only on the channel the message came on. */
  private settle(channel: Channel, act: () => void): void {
    if (channel !== this.channel) {
      this.counters.stale++;
      return;
    }
    try {
      act();
    } catch {
      this.counters.stale++;
    }
  }

  private lost(model: ChannelModel): void {
    if (model !== this.model) return;
    this.model = undefined;
    this.channel = undefined;
    this.publisher = undefined;
    if (this.stopping || this.reconnecting) return;
    this.reconnecting = this.reconnect().finally(() => {
      this.reconnecting = undefined;
    });
  }

  /** Round after round over the nodes, starting after the one just lost, with backoff. */
  private async reconnect(): Promise<void> {
    const min = this.options.minBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 10_000;
    this.next = (this.next + 1) % this.options.urls.length;
    for (let delay = min; !this.stopping; delay = Math.min(delay * 2, max)) {
      try {
        await this.connectRound();
        this.counters.reconnects++;
        return;
      } catch (err) {
        this.events.error?.(err instanceof Error ? err : new Error(String(err)));
      }
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}

/** A dead peer is noticed within ~2 heartbeats; the URL's own setting wins. */
function withHeartbeat(url: string): string {
  if (/[?&]heartbeat=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}heartbeat=5`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

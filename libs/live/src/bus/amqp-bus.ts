import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import type { LiveLogger } from '../common/logger';
import { batchEnvelopes, parseEnvelope, type BusItem, type LiveBus } from './live-bus';

/** The part of an amqplib channel the bus uses (a fake stands in for it in unit specs). */
export interface AmqpBusChannel {
  assertExchange(name: string, type: string, options: { durable: boolean }): Promise<unknown>;
  assertQueue(
    name: string,
    options: { exclusive: boolean; autoDelete: boolean; arguments?: Record<string, unknown> },
  ): Promise<{ queue: string }>;
  bindQueue(queue: string, exchange: string, pattern: string): Promise<unknown>;
  consume(
    queue: string,
    onMessage: (msg: AmqpBusMessage | null) => void,
    options: { noAck: boolean },
  ): Promise<unknown>;
  /** On a confirm channel: `confirmed` runs once the broker took the message (err: it did not). */
  publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: { headers: Record<string, string>; contentType: string },
    confirmed?: (err: unknown) => void,
  ): boolean;
  once(event: 'drain', listener: () => void): unknown;
  on(event: 'close' | 'error', listener: (err?: Error) => void): unknown;
}

export interface AmqpBusMessage {
  content: Buffer;
  properties: { headers?: Record<string, unknown> };
}

/** The part of an amqplib connection the bus uses. */
export interface AmqpBusConnection {
  createConfirmChannel(): Promise<AmqpBusChannel>;
  close(): Promise<void>;
  on(event: 'close' | 'error', listener: (err?: Error) => void): unknown;
}

export interface AmqpBusOptions {
  /** amqp:// or amqps:// URL of every node of the cluster; tried in turn. */
  urls: readonly string[];
  /** Fanout exchange every instance publishes to and binds its own queue to. */
  exchange?: string;
  /** Items of one publish turn are cut into messages of about this many bytes. */
  messageBytes?: number;
  /** Reconnect backoff: first wait, doubled per failed round over the nodes, up to the max. */
  reconnectMs?: number;
  reconnectMaxMs?: number;
  /** Stand-in for amqplib's connect (unit specs). */
  connect?: (url: string) => Promise<AmqpBusConnection>;
}

const ORIGIN_HEADER = 'x-ioc-origin';
/** Items kept while no node answers (about 20 MB of readings); older ones are dropped, counted. */
const QUEUE_BOUND = 100_000;

/**
 * The multi-instance bus over RabbitMQ, for deployments past what PostgreSQL NOTIFY carries
 * (see docs/architecture.md, "Live bus": NOTIFY's single notification queue and 8000-byte
 * payloads cap it; `npm run bench:bus` measures where).
 *
 * A fanout exchange `ioc.live`; each instance binds its own exclusive, auto-delete queue (on
 * the node it is connected to — if that node dies the connection dies with it, and the
 * instance declares a fresh queue on the next node). Items published in one event-loop turn
 * are batched into messages, with no size limit on an item (an alert always travels whole,
 * never by id only). The sender's id rides in a header so an instance skips its own messages
 * without parsing them.
 *
 * Publishing is at least once across a node's death: messages go out on a confirm channel, and
 * what the node did not confirm before it died, with what was published while no node
 * answered, is sent again on the next node (issue 19: the sockets of every API process see
 * every update while a broker node and a collector are killed). A receiver may so see an item
 * twice, which live updates tolerate (the newest reading, an alert's state). Waiting items are
 * bounded (QUEUE_BOUND, oldest dropped and counted in `stats.dropped`): the state is in
 * PostgreSQL and clients refetch it on reconnect. Each instance's queue is bounded too
 * (drop-head) so a stalled instance cannot fill a broker node's memory.
 */
export class AmqpBus implements LiveBus {
  readonly kind = 'amqp' as const;
  readonly origin = randomBytes(6).toString('base64url');
  private connection: AmqpBusConnection | undefined;
  private channel: AmqpBusChannel | undefined;
  private queue: BusItem[] = [];
  /** Batches handed to the channel whose confirms are outstanding, by batch number. */
  private readonly inFlight = new Map<number, { items: BusItem[]; pending: number }>();
  private batches = 0;
  private sending: Promise<void> | undefined;
  private scheduled = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Index of the node to try next (the one that worked last, after a loss the following one). */
  private node = 0;
  private failedRounds = 0;
  private queues = 0;
  private readonly exchange: string;
  private readonly messageBytes: number;
  stats = { sent: 0, received: 0, dropped: 0, messages: 0, reconnects: 0 };

  constructor(
    private readonly options: AmqpBusOptions,
    private readonly log: LiveLogger,
    /** Items published by the other instances. */
    private readonly onItem: (item: BusItem) => void,
  ) {
    if (options.urls.length === 0) throw new Error('AmqpBus needs at least one node URL');
    this.exchange = options.exchange ?? 'ioc.live';
    this.messageBytes = options.messageBytes ?? 64 * 1024;
  }

  /** Connects to the first node that answers; throws when none does (a configuration error). */
  async start(): Promise<void> {
    this.stopped = false;
    let last: unknown;
    for (let i = 0; i < this.options.urls.length; i++) {
      try {
        await this.connect();
        return;
      } catch (err) {
        last = err;
        this.node = (this.node + 1) % this.options.urls.length;
      }
    }
    throw last instanceof Error ? last : new Error('no AMQP node reachable');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.sending;
    const c = this.connection;
    this.connection = undefined;
    this.channel = undefined;
    await c?.close().catch(() => undefined);
  }

  get connected(): boolean {
    return this.channel !== undefined;
  }

  publish(item: BusItem): void {
    if (this.stopped) return;
    // Kept while no node is reachable too (sent after the fail-over), up to the bound.
    this.queue.push(item);
    this.bound();
    if (this.scheduled) return;
    this.scheduled = true;
    // Batch whatever is published in the same turn of the event loop.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Resolves when everything queued so far was confirmed by the broker (or no node answers). */
  async idle(): Promise<void> {
    while ((this.sending || this.queue.length > 0 || this.inFlight.size > 0) && this.channel) {
      if (!this.sending && this.queue.length > 0) await this.flush();
      await (this.sending ?? new Promise((r) => setTimeout(r, 5)));
    }
  }

  /** Oldest items go first once more than BOUND wait (a long outage, a stalled broker). */
  private bound(): void {
    if (this.queue.length <= QUEUE_BOUND) return;
    const excess = this.queue.length - QUEUE_BOUND;
    this.queue.splice(0, excess);
    this.stats.dropped += excess;
  }

  /** Unconfirmed batches back to the head of the queue, oldest first (a lost node, a nack). */
  private requeue(ids: number[]): void {
    const items: BusItem[] = [];
    for (const id of ids.sort((a, b) => a - b)) {
      items.push(...(this.inFlight.get(id)?.items ?? []));
      this.inFlight.delete(id);
    }
    if (items.length === 0) return;
    this.queue = [...items, ...this.queue];
    this.bound();
  }

  private confirmed(id: number, err: unknown): void {
    const batch = this.inFlight.get(id);
    if (!batch) return;
    if (err) {
      this.requeue([id]);
      void this.flush();
      return;
    }
    if (--batch.pending > 0) return;
    this.inFlight.delete(id);
    this.stats.sent += batch.items.length;
  }

  private flush(): Promise<void> {
    if (this.sending) return this.sending;
    this.sending = this.sendLoop().finally(() => {
      this.sending = undefined;
    });
    return this.sending;
  }

  private async sendLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const channel = this.channel;
      // No node now: the items wait in the queue; connect() flushes them.
      if (!channel) return;
      const items = this.queue.splice(0, this.queue.length);
      const messages = batchEnvelopes(this.origin, items, this.messageBytes);
      const id = ++this.batches;
      this.inFlight.set(id, { items, pending: messages.length });
      for (const body of messages) {
        // Lost mid-batch: lost() has put the whole batch back in the queue.
        if (this.channel !== channel) return;
        let more: boolean;
        try {
          more = channel.publish(
            this.exchange,
            '',
            Buffer.from(body),
            { headers: { [ORIGIN_HEADER]: this.origin }, contentType: 'application/json' },
            (err) => {
              this.confirmed(id, err);
            },
          );
        } catch (err) {
          this.log.warn(`live bus: AMQP publish failed: ${(err as Error).message}`);
          this.requeue([id]);
          return;
        }
        this.stats.messages++;
        // The socket's buffer is full: wait until it drains (or the connection goes) so a
        // burst cannot grow the process's memory without bound.
        if (!more) await this.drained(channel);
      }
    }
  }

  private drained(channel: AmqpBusChannel): Promise<void> {
    return new Promise((resolve) => {
      const check = setInterval(() => {
        if (this.channel !== channel) {
          clearInterval(check);
          resolve();
        }
      }, 200);
      channel.once('drain', () => {
        clearInterval(check);
        resolve();
      });
    });
  }

  /** A delivery: skip our own, then hand every item to the handler. */
  receive(msg: AmqpBusMessage): void {
    if (msg.properties.headers?.[ORIGIN_HEADER] === this.origin) return;
    const env = parseEnvelope(msg.content.toString('utf8'));
    if (!env || env.o === this.origin) return;
    this.stats.received += env.i.length;
    for (const item of env.i) {
      try {
        this.onItem(item);
      } catch (err) {
        this.log.warn(`live bus handler: ${(err as Error).message}`);
      }
    }
  }

  private async connect(): Promise<void> {
    const url = this.options.urls[this.node] ?? '';
    const open: (u: string) => Promise<AmqpBusConnection> =
      // No Nagle: the bus batches itself, so delaying small frames only adds latency.
      this.options.connect ?? ((u) => amqp.connect(withHeartbeat(u), { noDelay: true }));
    const connection = await open(url);
    // Listeners first: an 'error' event with none would throw. Until the setup below is done
    // the connection is not `this.connection`, so a loss then only fails the setup.
    const lost = (err?: Error) => {
      if (this.connection !== connection) return;
      this.connection = undefined;
      this.channel = undefined;
      if (this.stopped) return;
      this.log.warn(
        `live bus: AMQP node ${redact(url)} lost${err ? `: ${err.message}` : ''}; failing over`,
      );
      this.node = (this.node + 1) % this.options.urls.length;
      // What the dead node never confirmed goes again on the next one (receivers may see an
      // item twice; live updates are idempotent: the newest reading, an alert's state).
      this.requeue([...this.inFlight.keys()]);
      // A channel the broker closed leaves its connection up: close that too, start afresh.
      void connection.close().catch(() => undefined);
      this.scheduleReconnect();
    };
    connection.on('error', lost);
    connection.on('close', lost);
    try {
      const channel = await connection.createConfirmChannel();
      channel.on('error', lost);
      channel.on('close', lost);
      await channel.assertExchange(this.exchange, 'fanout', { durable: true });
      // Named under the exchange's name, not server-named (amq.gen-…): the cluster may grant
      // the platform's account `ioc.*` resources only. A fresh name per connection: the queue
      // of a dead connection may linger a moment.
      const { queue } = await channel.assertQueue(
        `${this.exchange}.${this.origin}.${String(++this.queues)}`,
        {
          exclusive: true,
          autoDelete: true,
          // A stalled consumer loses the oldest messages rather than filling the node's memory.
          arguments: { 'x-max-length': 10_000, 'x-overflow': 'drop-head' },
        },
      );
      await channel.bindQueue(queue, this.exchange, '');
      await channel.consume(
        queue,
        (msg) => {
          if (msg) this.receive(msg);
        },
        { noAck: true },
      );
      this.connection = connection;
      this.channel = channel;
      this.failedRounds = 0;
      // What waited while no node answered.
      if (this.queue.length > 0) void this.flush();
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.stopped) return;
    const base = this.options.reconnectMs ?? 500;
    const max = this.options.reconnectMaxMs ?? 30_000;
    // Jitter spreads the replicas' reconnects after a node dies.
    const wait = Math.min(max, base * 2 ** this.failedRounds) * (0.5 + Math.random() / 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.stats.reconnects++;
      this.connect().catch((err: unknown) => {
        this.log.warn(
          `live bus: AMQP node ${redact(this.options.urls[this.node] ?? '')} refused: ${(err as Error).message}`,
        );
        this.node = (this.node + 1) % this.options.urls.length;
        if (this.node === 0) this.failedRounds++;
        this.scheduleReconnect();
      });
    }, wait);
    this.reconnectTimer.unref();
  }
}

/** A node URL for the log, without its password. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Heartbeats every 10 s unless the URL sets its own, so a dead node is noticed in seconds. */
function withHeartbeat(url: string): string {
  if (/[?&]heartbeat=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}heartbeat=10`;
}

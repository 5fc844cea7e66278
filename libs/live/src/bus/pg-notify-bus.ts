import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LiveLogger } from '../common/logger';
import { packEnvelopes, parseEnvelope, type BusItem, type LiveBus } from './live-bus';

export interface PgNotifyBusOptions {
  url: string;
  /** LISTEN/NOTIFY channel. */
  channel?: string;
  /** Payload limit: PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
  maxPayloadBytes?: number;
  reconnectMs?: number;
}

/**
 * The multi-instance bus over PostgreSQL LISTEN/NOTIFY. Every API instance already shares the
 * database, so no extra service or broker ACL is needed, and NOTIFY from one session arrives in
 * order. One dedicated connection both LISTENs and sends (batched: one round trip carries many
 * NOTIFYs via unnest), items are packed into payloads under 8000 bytes, and an instance ignores
 * its own messages (it served its local clients directly). Deltas are ephemeral: while the
 * connection is down they are dropped (the REST API is the source of truth), and it reconnects.
 */
export class PgNotifyBus implements LiveBus {
  readonly kind = 'pg-notify' as const;
  readonly origin = randomBytes(6).toString('base64url');
  private client: pg.Client | undefined;
  private queue: BusItem[] = [];
  private sending: Promise<void> | undefined;
  private scheduled = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly channel: string;
  private readonly maxBytes: number;
  stats = { sent: 0, received: 0, dropped: 0, messages: 0 };

  constructor(
    private readonly options: PgNotifyBusOptions,
    private readonly log: LiveLogger,
    /** Items published by the other instances. */
    private readonly onItem: (item: BusItem) => void,
  ) {
    this.channel = options.channel ?? 'ioc_live';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel))
      throw new Error(`bad LISTEN channel ${this.channel}`);
    this.maxBytes = Math.min(options.maxPayloadBytes ?? 7900, 7999);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.sending;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  publish(item: BusItem): void {
    if (this.stopped) return;
    this.queue.push(item);
    if (this.queue.length > 100_000) {
      const excess = this.queue.length - 100_000;
      this.queue.splice(0, excess);
      this.stats.dropped += excess;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    // Batch whatever is published in the same turn of the event loop.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Resolves when everything queued so far was handed to PostgreSQL. */
  async idle(): Promise<void> {
    while (this.sending || this.queue.length > 0) {
      if (!this.sending) await this.flush();
      await this.sending;
    }
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
      const items = this.queue.splice(0, this.queue.length);
      const client = this.client;
      if (!client) {
        this.stats.dropped += items.length;
        return;
      }
      const payloads = packEnvelopes(this.origin, items, this.maxBytes, (item) =>
        item.t === 'a' ? { t: 'A', id: item.a.id } : null,
      );
      try {
        await client.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [
          this.channel,
          payloads,
        ]);
        this.stats.sent += items.length;
        this.stats.messages += payloads.length;
      } catch (err) {
        this.stats.dropped += items.length;
        this.log.warn(`live bus: NOTIFY failed: ${(err as Error).message}`);
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      const env = parseEnvelope(msg.payload);
      if (!env || env.o === this.origin) return;
      this.stats.received += env.i.length;
      for (const item of env.i) {
        try {
          this.onItem(item);
        } catch (err) {
          this.log.warn(`live bus handler: ${(err as Error).message}`);
        }
      }
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.stopped) return;
      this.log.warn(`live bus connection lost${err ? `: ${err.message}` : ''}; reconnecting`);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => {
      lost();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch((err: unknown) => {
        this.log.warn(`live bus reconnect failed: ${(err as Error).message}`);
        this.scheduleReconnect();
      });
    }, this.options.reconnectMs ?? 1000);
    this.reconnectTimer.unref();
  }
}

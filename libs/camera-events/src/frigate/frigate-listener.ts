import mqtt, { type MqttClient } from 'mqtt';
import { parseFrigate } from '../parse/frigate';
import type { EventSourceRecord } from '../repo/source.repository';
import type { CameraEventIntake } from '../services/event-intake.service';

export interface FrigateListenerOptions {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  clientId?: string;
  /** The enabled Frigate sources (re-read on `refresh()` and every `refreshMs`). */
  sources: () => Promise<EventSourceRecord[]>;
  intake: CameraEventIntake;
  refreshMs?: number;
  warn?: (message: string) => void;
}

/**
 * Subscribes to each Frigate source's events topic (`frigate/events`) on Frigate's broker with
 * the MQTT client the platform uses for brokers, and hands every message to the intake. A
 * message is handled on its own: a bad one is dead-lettered by the intake and never stops the
 * next. QoS 0 like Frigate publishes; Frigate's retain/update/end repeats are deduplicated by
 * the event id.
 */
export class FrigateListener {
  private client: MqttClient | undefined;
  private byTopic = new Map<string, EventSourceRecord>();
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<Promise<unknown>>();

  constructor(private readonly o: FrigateListenerOptions) {}

  async start(): Promise<void> {
    const client = mqtt.connect(this.o.url, {
      clientId: this.o.clientId ?? `ioc-frigate-${Math.random().toString(16).slice(2, 10)}`,
      ...(this.o.username !== undefined ? { username: this.o.username } : {}),
      ...(this.o.password !== undefined ? { password: this.o.password } : {}),
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    });
    this.client = client;
    client.on('message', (topic, payload) => {
      const p = this.handle(topic, payload).finally(() => this.pending.delete(p));
      this.pending.add(p);
    });
    client.on('error', (err) => {
      this.o.warn?.(`frigate broker: ${err.message}`);
    });
    // Subscriptions are re-made after a reconnect (clean session).
    client.on('connect', () => {
      void this.subscribeAll([...this.byTopic.keys()]);
    });
    await this.refresh();
    this.timer = setInterval(() => {
      void this.refresh().catch((err: unknown) =>
        this.o.warn?.(`frigate sources: ${(err as Error).message}`),
      );
    }, this.o.refreshMs ?? 30_000);
    this.timer.unref();
  }

  /** Re-reads the sources and (un)subscribes their topics; call after an admin change. */
  async refresh(): Promise<void> {
    const sources = (await this.o.sources()).filter(
      (s) => s.kind === 'frigate' && s.enabled && s.mqttTopic,
    );
    const next = new Map(sources.map((s) => [s.mqttTopic as string, s]));
    const gone = [...this.byTopic.keys()].filter((t) => !next.has(t));
    const added = [...next.keys()].filter((t) => !this.byTopic.has(t));
    this.byTopic = next;
    if (gone.length > 0) this.client?.unsubscribe(gone);
    await this.subscribeAll(added);
  }

  /** Resolves once every message taken so far is handled (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.idle();
    await this.client?.endAsync();
    this.client = undefined;
  }

  private async subscribeAll(topics: string[]): Promise<void> {
    if (topics.length === 0 || !this.client?.connected) return;
    await this.client.subscribeAsync(topics, { qos: 0 });
  }

  private async handle(topic: string, payload: Buffer): Promise<void> {
    const source = this.byTopic.get(topic);
    if (!source) return;
    try {
      await this.o.intake.take(source, [parseFrigate(payload)], payload, `mqtt:${topic}`);
    } catch (err) {
      this.o.warn?.(`frigate event on ${topic}: ${(err as Error).message}`);
    }
  }
}

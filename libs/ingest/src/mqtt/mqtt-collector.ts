import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient, type Packet } from 'mqtt';
import { BackpressureError } from '../writer/backpressure.error';
import { subscriptionFilters } from './topics';

export interface CollectorOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  /** MQTT 5 shared-subscription group; undefined subscribes plainly (e.g. Aedes, MQTT 3.1.1). */
  sharedGroup?: string;
  protocolVersion: 4 | 5;
  /** Shortest pause after a failed message before consuming again (grows while failures repeat). */
  minPauseMs?: number;
  /** MQTT keepalive in seconds (default 30). */
  keepaliveS?: number;
}

/** Resolves once the message is durable (stored or dead-lettered); rejects to withhold the ack. */
export type MessageHandler = (topic: string, payload: Buffer, receivedAt: Date) => Promise<void>;

/** What the collector tells its owner; given at construction (the reading path wires them). */
export interface CollectorEvents {
  error?(err: Error): void;
  connected?(): void;
  paused?(reason: string): void;
  resumed?(): void;
  /** Stopped reading because the pipeline is full (or a message waits for a retry). */
  blocked?(): void;
  unblocked?(blockedMs: number): void;
}

export interface CollectorStats {
  received: number;
  /** PUBACKs sent after the message was made durable. */
  acked: number;
  /** Messages whose handler failed: never acknowledged, redelivered by the broker. */
  failed: number;
  /** PUBACKs dropped because their connection had gone: the broker redelivers those. */
  staleAcks: number;
  /** Messages retried because the pipeline was temporarily unavailable (registry down). */
  retries: number;
  inFlight: number;
  pauses: number;
  /** Times reading stopped for backpressure (the broker held the stream meanwhile). */
  blocks: number;
  blocked: boolean;
  connected: boolean;
}

type SendPacket = (packet: Packet, cb?: () => void, ...rest: unknown[]) => void;

/** One received message until it is durable (or given up); a class keeps the hot path lean. */
class Flight {
  done = false;
  failed = false;
  attempts = 0;
  /** Counted in the collector's `retrying` (reading stays stopped while it is). */
  retrying = false;
  /** The PUBACK MQTT.js wanted to send, held until the message is durable. */
  ack: Packet | undefined;
  constructor(
    readonly id: number | undefined,
    readonly topic: string,
    readonly payload: Buffer,
    readonly receivedAt: Date,
    /** Connection the message arrived on: an ack is only valid on that same connection. */
    readonly generation: number,
  ) {}
}

/**
 * Subscribes to device and gateway telemetry with a persistent session (clean start off,
 * fixed client id) and acknowledges each QoS 1 message only after the handler made it durable.
 *
 * Backpressure: while `canConsume()` is false (the writer's buffer is full) the collector stops
 * reading its socket — MQTT.js processes one packet at a time and waits for our callback — so
 * TCP flow control and the broker's in-flight window hold the stream at the broker, and the
 * connection (with every held PUBACK) stays up. PINGREQs keep both sides' keepalive satisfied.
 * A message that fails with a BackpressureError (device registry unreachable) is retried on
 * the same connection, reading stopped meanwhile.
 *
 * MQTT.js sends a PUBACK as soon as `handleMessage` calls back and processes one packet at a
 * time; holding that callback would serialise ingest to one message per database commit. So
 * the callback returns at once and the PUBACK itself is intercepted and released later — only
 * on the connection the message came in on: once that connection is gone the broker will
 * redeliver the message (writes are idempotent), and an ack sent on a later connection could
 * acknowledge a different message that reused the packet id.
 *
 * A message whose handling fails is never acknowledged: the collector disconnects, so the
 * broker holds the rest of the stream in the session, and reconnects after a pause once
 * `canResume` says the pipeline has room again.
 */
export class MqttCollector {
  private client: MqttClient | undefined;
  private readonly inFlight = new Map<number, Flight>();
  private sendRaw: SendPacket | undefined;
  private generation = 0;
  private pausing: Promise<void> | undefined;
  private consecutivePauses = 0;
  private stopping = false;
  private retrying = 0;
  private corked = false;
  /** MQTT.js's "process the next packet" callback, held while reading is stopped. */
  private blocked: { resume: () => void; since: number; timer: NodeJS.Timeout } | undefined;
  private readonly counters = {
    received: 0,
    acked: 0,
    failed: 0,
    staleAcks: 0,
    retries: 0,
    pauses: 0,
    blocks: 0,
  };

  /**
   * @param canConsume whether the pipeline takes more now; while false the collector stops
   *   reading (and, after a failed message, waits for it before reconnecting).
   */
  constructor(
    private readonly options: CollectorOptions,
    private readonly handler: MessageHandler,
    private readonly canConsume: () => boolean = () => true,
    private readonly events: CollectorEvents = {},
  ) {}

  /** Messages received since start (kept for existing callers; see `stats`). */
  get received(): number {
    return this.counters.received;
  }

  get stats(): CollectorStats {
    return {
      ...this.counters,
      inFlight: this.inFlight.size,
      blocked: this.blocked !== undefined,
      connected: this.client?.connected ?? false,
    };
  }

  async start(): Promise<void> {
    const o = this.options;
    const opts: IClientOptions = {
      clientId: o.clientId,
      clean: false,
      protocolVersion: o.protocolVersion,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      keepalive: o.keepaliveS ?? 30,
      resubscribe: true,
      // Never queue packets while offline: a held PUBACK is worthless on a later connection.
      queueQoSZero: false,
      // MQTT.js otherwise calls its `debug` logger several times per packet (about 5% of the
      // platform CPU in the ingest profile); the collector reports through `events`.
      log: () => undefined,
      ...(o.username !== undefined ? { username: o.username } : {}),
      ...(o.password !== undefined ? { password: o.password } : {}),
      ...(o.protocolVersion === 5
        ? {
            // A week of session: long enough for any outage, bounded so abandoned sessions expire.
            properties: { sessionExpiryInterval: 7 * 86_400, receiveMaximum: 65_535 },
          }
        : {}),
    };
    // Everything is wired before the first byte arrives: a persistent session delivers its
    // queued messages right behind the CONNACK, and MQTT.js's default handler would
    // acknowledge those before anything made them durable.
    const client = mqtt.connect(o.url, opts);
    this.client = client;
    this.interceptAcks(client);
    client.handleMessage = (packet: Packet, callback) => {
      this.onPublish(packet as IPublishPacket);
      if (this.retrying === 0 && this.canConsume()) callback();
      else this.block(client, callback);
    };
    client.on('connect', () => {
      this.events.connected?.();
    });
    client.on('close', () => {
      // Every message of the closed connection is redelivered by the broker: forget them.
      this.generation++;
      this.inFlight.clear();
      this.unblock();
    });
    await new Promise<void>((resolve, reject) => {
      const onConnect = () => {
        client.off('error', onError);
        resolve();
      };
      const onError = (err: Error) => {
        client.off('connect', onConnect);
        client.end(true);
        reject(err);
      };
      client.once('connect', onConnect);
      client.once('error', onError);
    });
    client.on('error', (err) => this.events.error?.(err));
    await client.subscribeAsync(subscriptionFilters(o.sharedGroup), { qos: 1 });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unblock();
    // Let in-flight messages finish so their PUBACKs go out before the session closes.
    const deadline = Date.now() + 10_000;
    while ([...this.inFlight.values()].some((f) => !f.done) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.client?.endAsync();
  }

  private interceptAcks(client: MqttClient): void {
    const internal = client as unknown as { _sendPacket: SendPacket };
    const original = internal._sendPacket.bind(client);
    this.sendRaw = original;
    internal._sendPacket = (packet, cb, ...rest) => {
      const id = packet.cmd === 'puback' ? packet.messageId : undefined;
      const flight = id === undefined ? undefined : this.inFlight.get(id);
      if (id === undefined || !flight) {
        original(packet, cb, ...rest);
        return;
      }
      // Let MQTT.js parse the next packet now; the acknowledgement waits for durability.
      cb?.();
      if (flight.failed) {
        this.inFlight.delete(id);
      } else if (flight.done) {
        this.inFlight.delete(id);
        this.sendAck(flight, packet);
      } else {
        flight.ack = packet;
      }
    };
  }

  /** Sends a held PUBACK — only on the connection its message came in on. */
  private sendAck(flight: Flight, ack: Packet): void {
    const client = this.client;
    if (!client || flight.generation !== this.generation || !client.connected || !this.sendRaw) {
      this.counters.staleAcks++;
      return;
    }
    this.counters.acked++;
    this.corkUntilNextTurn(client);
    this.sendRaw(ack);
  }

  /**
   * A committed batch releases thousands of PUBACKs in one turn of the event loop; corking the
   * socket until the next turn sends them in one write instead of one syscall each.
   */
  private corkUntilNextTurn(client: MqttClient): void {
    if (this.corked) return;
    const stream = client.stream as { cork?: () => void; uncork?: () => void } | undefined;
    if (!stream?.cork || !stream.uncork) return;
    this.corked = true;
    stream.cork();
    setImmediate(() => {
      this.corked = false;
      stream.uncork?.();
    });
  }

  private onPublish(packet: IPublishPacket): void {
    this.counters.received++;
    const id = packet.qos > 0 ? packet.messageId : undefined;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    const flight = new Flight(id, packet.topic, payload, new Date(), this.generation);
    if (id !== undefined) this.inFlight.set(id, flight);
    this.attempt(flight);
  }

  private attempt(flight: Flight): void {
    this.handler(flight.topic, flight.payload, flight.receivedAt).then(
      () => {
        this.succeeded(flight);
      },
      (err: unknown) => {
        this.attemptFailed(flight, err);
      },
    );
  }

  private endRetry(flight: Flight): void {
    if (!flight.retrying) return;
    flight.retrying = false;
    this.retrying--;
  }

  private succeeded(flight: Flight): void {
    this.endRetry(flight);
    flight.done = true;
    this.consecutivePauses = 0;
    const { id, ack } = flight;
    if (ack) {
      if (id !== undefined && this.inFlight.get(id) === flight) this.inFlight.delete(id);
      this.sendAck(flight, ack);
    }
  }

  private attemptFailed(flight: Flight, err: unknown): void {
    // Temporarily unable (e.g. the registry is unreachable): try again on this connection,
    // reading stopped meanwhile; once the connection is gone the broker redelivers instead.
    if (
      err instanceof BackpressureError &&
      !this.stopping &&
      flight.generation === this.generation
    ) {
      flight.attempts++;
      if (!flight.retrying) {
        flight.retrying = true;
        this.retrying++;
      }
      this.counters.retries++;
      const base = this.options.minPauseMs ?? 1000;
      setTimeout(
        () => {
          if (flight.generation !== this.generation || this.stopping) this.endRetry(flight);
          else this.attempt(flight);
        },
        Math.min(base * flight.attempts, base * 10),
      );
      return;
    }
    this.endRetry(flight);
    flight.done = true;
    flight.failed = true;
    this.counters.failed++;
    const { id, ack } = flight;
    if (id !== undefined && ack && this.inFlight.get(id) === flight) this.inFlight.delete(id);
    this.pause(err instanceof Error ? err.message : String(err));
  }

  /** Stops processing packets until the pipeline has room (see the class comment). */
  private block(client: MqttClient, resume: () => void): void {
    if (this.blocked) {
      // Cannot happen (MQTT.js waits for `resume`), but never lose a callback.
      this.blocked.resume();
    }
    this.counters.blocks++;
    this.events.blocked?.();
    const keepaliveMs = (this.options.keepaliveS ?? 30) * 1000;
    let lastPing = Date.now();
    const since = Date.now();
    const check = () => {
      if (this.stopping || (this.retrying === 0 && this.canConsume())) {
        this.unblock();
        return;
      }
      if (Date.now() - lastPing >= keepaliveMs / 2 && client.connected) {
        // We are not reading PINGRESPs now: ping ourselves and tell MQTT.js the link is alive;
        // a dead link still shows up as a write error.
        lastPing = Date.now();
        client.sendPing();
        client.reschedulePing(true);
      }
      if (this.blocked) this.blocked.timer = setTimeout(check, 50);
    };
    this.blocked = { resume, since, timer: setTimeout(check, 50) };
  }

  private unblock(): void {
    const b = this.blocked;
    if (!b) return;
    this.blocked = undefined;
    clearTimeout(b.timer);
    this.events.unblocked?.(Date.now() - b.since);
    b.resume();
  }

  /** Disconnects so the broker holds the rest of the stream, and reconnects once there is room. */
  private pause(reason: string): void {
    if (this.pausing || this.stopping || !this.client) return;
    const client = this.client;
    this.counters.pauses++;
    this.consecutivePauses++;
    this.events.paused?.(reason);
    const base = this.options.minPauseMs ?? 1000;
    const minPause = Math.min(base * this.consecutivePauses, base * 10);
    this.pausing = (async () => {
      const since = Date.now();
      await client.endAsync(true).catch(() => undefined);
      while (!this.stopping && (Date.now() - since < minPause || !this.canConsume())) {
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!this.stopping) {
        client.reconnect();
        this.events.resumed?.();
      }
    })().finally(() => {
      this.pausing = undefined;
    });
  }
}

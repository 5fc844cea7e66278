import { EventEmitter } from 'node:events';
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient, type Packet } from 'mqtt';
import { subscriptionFilters } from './topics';

export interface CollectorOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  /** MQTT 5 shared-subscription group; undefined subscribes plainly (e.g. Aedes, MQTT 3.1.1). */
  sharedGroup?: string;
  protocolVersion: 4 | 5;
}

/** Resolves once the message is durable (stored or dead-lettered); rejects to withhold the ack. */
export type MessageHandler = (topic: string, payload: Buffer, receivedAt: Date) => Promise<void>;

export interface CollectorEvents {
  error: [err: Error];
  connected: [];
  paused: [reason: string];
}

type SendPacket = (packet: Packet, cb?: () => void, ...rest: unknown[]) => void;

interface InFlight {
  done: boolean;
  /** The PUBACK MQTT.js wanted to send, held until the message is durable. */
  send?: () => void;
  failed?: boolean;
}

/**
 * Subscribes to device and gateway telemetry with a persistent session (clean start off, fixed
 * client id) and acknowledges each QoS 1 message only after the handler made it durable.
 *
 * MQTT.js sends a PUBACK as soon as `handleMessage` calls back and processes one packet at a
 * time; holding that callback would serialise ingest to one message per database commit. So
 * the callback returns at once and the PUBACK itself is intercepted and released later. A
 * message whose handling fails is never acknowledged and the connection is dropped, so the
 * broker keeps it in the session and redelivers it on reconnect (writes are idempotent).
 */
export class MqttCollector extends EventEmitter<CollectorEvents> {
  private client: MqttClient | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private pausedUntil: Promise<void> | undefined;
  private stopping = false;
  received = 0;

  constructor(
    private readonly options: CollectorOptions,
    private readonly handler: MessageHandler,
    private readonly canResume: () => boolean = () => true,
  ) {
    super();
  }

  async start(): Promise<void> {
    const o = this.options;
    const opts: IClientOptions = {
      clientId: o.clientId,
      clean: false,
      protocolVersion: o.protocolVersion,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: true,
      ...(o.username !== undefined ? { username: o.username } : {}),
      ...(o.password !== undefined ? { password: o.password } : {}),
      ...(o.protocolVersion === 5
        ? { // A week of session: long enough for any outage, bounded so abandoned sessions expire.
          properties: { sessionExpiryInterval: 7 * 86_400, receiveMaximum: 65_535 } }
        : {}),
    };
    const client = await mqtt.connectAsync(o.url, opts);
    this.client = client;
    this.interceptAcks(client);
    client.on('error', (err) => this.emit('error', err));
    client.on('connect', () => {
      this.emit('connected');
    });
    client.handleMessage = (packet: Packet, callback) => {
      this.onPublish(packet as IPublishPacket);
      callback();
    };
    await client.subscribeAsync(subscriptionFilters(o.sharedGroup), { qos: 1 });
  }

  async stop(): Promise<void> {
    this.stopping = true;
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
        return;
      }
      if (flight.done) {
        this.inFlight.delete(id);
        original(packet, undefined, ...rest);
      } else {
        flight.send = () => {
          original(packet, undefined, ...rest);
        };
      }
    };
  }

  private onPublish(packet: IPublishPacket): void {
    this.received++;
    const id = packet.qos > 0 ? packet.messageId : undefined;
    const flight: InFlight = { done: false };
    if (id !== undefined) this.inFlight.set(id, flight);
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    this.handler(packet.topic, payload, new Date())
      .then(() => {
        flight.done = true;
        if (id !== undefined && flight.send) {
          this.inFlight.delete(id);
          flight.send();
        }
      })
      .catch((err: unknown) => {
        flight.done = true;
        flight.failed = true;
        if (id !== undefined && flight.send) this.inFlight.delete(id);
        this.pause(err instanceof Error ? err.message : String(err));
      });
  }

  /** Disconnects so the broker holds the rest of the stream, and reconnects once writes drain. */
  private pause(reason: string): void {
    if (this.pausedUntil || this.stopping || !this.client) return;
    const client = this.client;
    this.emit('paused', reason);
    this.pausedUntil = (async () => {
      await client.endAsync(true).catch(() => undefined);
      this.inFlight.clear();
      while (!this.canResume() && !this.stopping) await new Promise((r) => setTimeout(r, 250));
      if (!this.stopping) client.reconnect();
    })().finally(() => {
      this.pausedUntil = undefined;
    });
  }
}

import type { ReadingDelta, WsServerMessage } from '@ioc/contracts';

/** What the hub needs of a connection: satisfied by a `ws` WebSocket. */
export interface LiveSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string): void;
}

export interface HubOptions {
  /** Per-client flush period: readings are coalesced per device in between (≤ 10 Hz). */
  flushIntervalMs: number;
  /** Bytes queued in a socket above which the hub skips that client this tick (drop to latest). */
  maxBufferedBytes: number;
}

interface ClientState {
  socket: LiveSocket;
  channels: Set<string>;
  /** Latest pending delta per channel and device: a slow client only ever gets the newest value. */
  pending: Map<string, Map<string, ReadingDelta>>;
  skipped: number;
}

const OPEN = 1;

/**
 * Fans live readings out to WebSocket subscribers. Each client has its own bounded state (one
 * pending delta per device per channel), so a stalled client costs memory proportional to the
 * device count, never to the message rate, and never delays anyone else.
 */
export class LiveHub {
  private readonly clients = new Map<LiveSocket, ClientState>();
  private readonly byChannel = new Map<string, Set<ClientState>>();
  private timer: NodeJS.Timeout | undefined;
  dropped = 0;

  constructor(private readonly options: HubOptions = { flushIntervalMs: 100, maxBufferedBytes: 1_000_000 }) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.flush();
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  add(socket: LiveSocket): void {
    this.clients.set(socket, { socket, channels: new Set(), pending: new Map(), skipped: 0 });
  }

  remove(socket: LiveSocket): void {
    const c = this.clients.get(socket);
    if (!c) return;
    for (const ch of c.channels) this.byChannel.get(ch)?.delete(c);
    this.clients.delete(socket);
  }

  subscribe(socket: LiveSocket, channels: string[]): void {
    const c = this.clients.get(socket);
    if (!c) return;
    for (const ch of channels) {
      c.channels.add(ch);
      let set = this.byChannel.get(ch);
      if (!set) this.byChannel.set(ch, (set = new Set()));
      set.add(c);
    }
  }

  unsubscribe(socket: LiveSocket, channels: string[]): void {
    const c = this.clients.get(socket);
    if (!c) return;
    for (const ch of channels) {
      c.channels.delete(ch);
      c.pending.delete(ch);
      this.byChannel.get(ch)?.delete(c);
    }
  }

  /** Queues a reading delta on a channel; merged with any pending delta of the same device. */
  publishReading(channel: string, delta: ReadingDelta): void {
    const subs = this.byChannel.get(channel);
    if (!subs) return;
    for (const c of subs) {
      let perDevice = c.pending.get(channel);
      if (!perDevice) c.pending.set(channel, (perDevice = new Map()));
      const prev = perDevice.get(delta.deviceId);
      if (prev && prev.time > delta.time) {
        perDevice.set(delta.deviceId, { ...delta, values: { ...delta.values, ...prev.values }, time: prev.time });
      } else {
        perDevice.set(delta.deviceId, prev ? { ...delta, values: { ...prev.values, ...delta.values } } : delta);
      }
    }
  }

  /** Sends a one-off message (alert change, indicator update) to a channel's subscribers now. */
  broadcast(channel: string, message: WsServerMessage): void {
    const subs = this.byChannel.get(channel);
    if (!subs) return;
    const text = JSON.stringify(message);
    for (const c of subs) this.trySend(c, text);
  }

  flush(): void {
    const asOf = new Date().toISOString();
    for (const c of this.clients.values()) {
      if (c.pending.size === 0) continue;
      if (c.socket.readyState !== OPEN || c.socket.bufferedAmount > this.options.maxBufferedBytes) {
        c.skipped++;
        this.dropped++;
        continue;
      }
      for (const [channel, perDevice] of c.pending) {
        const msg: WsServerMessage = { type: 'readings', channel, asOf, deltas: [...perDevice.values()] };
        this.trySend(c, JSON.stringify(msg));
      }
      c.pending.clear();
    }
  }

  private trySend(c: ClientState, text: string): void {
    if (c.socket.readyState !== OPEN) return;
    try {
      c.socket.send(text);
    } catch {
      // A socket that fails to send is being closed; its close handler removes it.
    }
  }
}

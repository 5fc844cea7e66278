import type { ReadingDelta, WsServerMessage } from '@ioc/contracts';

/** What the hub needs of a connection: satisfied by a `ws` WebSocket. */
export interface LiveSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  /** Text frames: a Buffer is sent with `{ binary: false }` (encoded once for all clients). */
  send(data: string | Buffer, options?: { binary?: boolean }): void;
}

export interface HubOptions {
  /** Per-client flush period: readings are coalesced per device in between (≤ 10 Hz). */
  flushIntervalMs: number;
  /** Bytes queued in a socket above which the hub skips that client this tick (drop to latest). */
  maxBufferedBytes: number;
}

export interface HubStats {
  clients: number;
  /** Client-ticks skipped because the client was not reading (cumulative). */
  dropped: number;
  /** Clients currently holding a backlog because they are congested. */
  congested: number;
}

interface ClientState {
  socket: LiveSocket;
  channels: Set<string>;
  /**
   * What a congested client missed: the latest delta per channel and device, and the latest
   * keyed message per channel and key. Bounded by devices × channels, never by message rate.
   */
  backlog: Map<string, Map<string, ReadingDelta>>;
  backlogKeyed: Map<string, Map<string, WsServerMessage>>;
  skipped: number;
}

const OPEN = 1;
const TEXT = { binary: false } as const;

/** A message serialised and UTF-8 encoded once, shared by every subscriber it goes to. */
function encode(message: WsServerMessage): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

function mergeDelta(prev: ReadingDelta | undefined, delta: ReadingDelta): ReadingDelta {
  if (!prev) return delta;
  if (prev.time > delta.time) {
    // The older delta's values are superseded; its position only when the newer one has none.
    const merged: ReadingDelta = {
      ...delta,
      values: { ...delta.values, ...prev.values },
      time: prev.time,
    };
    const position = prev.position ?? delta.position;
    if (position) merged.position = position;
    else delete merged.position;
    return merged;
  }
  if (!delta.position && prev.position) {
    return { ...delta, values: { ...prev.values, ...delta.values }, position: prev.position };
  }
  return { ...delta, values: { ...prev.values, ...delta.values } };
}

/**
 * Fans live data out to WebSocket subscribers.
 *
 * Between flushes, readings are coalesced per channel and device (and keyed messages — rollups —
 * per channel and key), once for all subscribers; each flush serialises every channel's message
 * once and hands the same text to every healthy subscriber, so fan-out costs one `send` per
 * client, not one JSON.stringify. A client whose socket is not draining (bufferedAmount above
 * the limit) is skipped and keeps only the newest value per device and key in its own backlog,
 * so a stalled client costs memory proportional to the device count, never to the message
 * rate, and never delays anyone else.
 */
export class LiveHub {
  private readonly clients = new Map<LiveSocket, ClientState>();
  private readonly byChannel = new Map<string, Set<ClientState>>();
  /** This tick's readings per channel and device, shared by all subscribers. */
  private readonly pending = new Map<string, Map<string, ReadingDelta>>();
  /** This tick's keyed messages per channel and key. */
  private readonly pendingKeyed = new Map<string, Map<string, WsServerMessage>>();
  private timer: NodeJS.Timeout | undefined;
  dropped = 0;

  constructor(
    private readonly options: HubOptions = { flushIntervalMs: 100, maxBufferedBytes: 1_000_000 },
  ) {}

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

  get stats(): HubStats {
    let congested = 0;
    for (const c of this.clients.values()) {
      if (c.backlog.size > 0 || c.backlogKeyed.size > 0) congested++;
    }
    return { clients: this.clients.size, dropped: this.dropped, congested };
  }

  add(socket: LiveSocket): void {
    this.clients.set(socket, {
      socket,
      channels: new Set(),
      backlog: new Map(),
      backlogKeyed: new Map(),
      skipped: 0,
    });
  }

  remove(socket: LiveSocket): void {
    const c = this.clients.get(socket);
    if (!c) return;
    for (const ch of c.channels) this.unlink(ch, c);
    this.clients.delete(socket);
  }

  subscribe(socket: LiveSocket, channels: string[]): void {
    const c = this.clients.get(socket);
    if (!c) return;
    for (const ch of channels) {
      c.channels.add(ch);
      let set = this.byChannel.get(ch);
      if (!set) this.byChannel.set(ch, (set = new Set<ClientState>()));
      set.add(c);
    }
  }

  unsubscribe(socket: LiveSocket, channels: string[]): void {
    const c = this.clients.get(socket);
    if (!c) return;
    for (const ch of channels) {
      c.channels.delete(ch);
      c.backlog.delete(ch);
      c.backlogKeyed.delete(ch);
      this.unlink(ch, c);
    }
  }

  /** Whether anyone listens on a channel (lets producers skip work nobody will see). */
  hasSubscribers(channel: string): boolean {
    return (this.byChannel.get(channel)?.size ?? 0) > 0;
  }

  /** Queues a reading delta on a channel; merged with any pending delta of the same device. */
  publishReading(channel: string, delta: ReadingDelta): void {
    if (!this.hasSubscribers(channel)) return;
    let perDevice = this.pending.get(channel);
    if (!perDevice) this.pending.set(channel, (perDevice = new Map<string, ReadingDelta>()));
    perDevice.set(delta.deviceId, mergeDelta(perDevice.get(delta.deviceId), delta));
  }

  /**
   * Queues a message that supersedes any earlier one with the same key on the channel (a
   * rollup bucket, an alert's state): sent at the next flush, newest only.
   */
  publishKeyed(channel: string, key: string, message: WsServerMessage): void {
    if (!this.hasSubscribers(channel)) return;
    let perKey = this.pendingKeyed.get(channel);
    if (!perKey) this.pendingKeyed.set(channel, (perKey = new Map<string, WsServerMessage>()));
    perKey.set(key, message);
  }

  /**
   * Sends a one-off message (alert change, indicator update) to a channel's subscribers now. A
   * congested subscriber keeps it in its backlog under `key` (newest per key) when a key is
   * given, and misses it otherwise.
   */
  broadcast(channel: string, message: WsServerMessage, key?: string): void {
    const subs = this.byChannel.get(channel);
    if (!subs) return;
    const text = encode(message);
    for (const c of subs) {
      if (this.congested(c)) {
        if (key !== undefined) keyedBacklog(c, channel).set(key, message);
        else this.dropped++;
        continue;
      }
      this.trySend(c, text);
    }
  }

  flush(): void {
    if (this.pending.size === 0 && this.pendingKeyed.size === 0 && !this.anyBacklog()) return;
    const asOf = new Date().toISOString();
    const readings = new Map<string, { text: Buffer; deltas: Map<string, ReadingDelta> }>();
    for (const [channel, deltas] of this.pending) {
      const msg: WsServerMessage = {
        type: 'readings',
        channel,
        asOf,
        deltas: [...deltas.values()],
      };
      readings.set(channel, { text: encode(msg), deltas });
    }
    const keyed = new Map<string, { texts: Buffer[]; messages: Map<string, WsServerMessage> }>();
    for (const [channel, messages] of this.pendingKeyed) {
      const texts = [...messages.values()].map(encode);
      keyed.set(channel, { texts, messages });
    }
    this.pending.clear();
    this.pendingKeyed.clear();

    for (const c of this.clients.values()) {
      const congested = this.congested(c);
      let touched = false;
      for (const ch of c.channels) {
        const r = readings.get(ch);
        const k = keyed.get(ch);
        const behind = c.backlog.has(ch) || c.backlogKeyed.has(ch);
        if (!r && !k && !behind) continue;
        touched = true;
        if (congested) {
          if (r) {
            let mine = c.backlog.get(ch);
            if (!mine) c.backlog.set(ch, (mine = new Map<string, ReadingDelta>()));
            for (const [device, d] of r.deltas) mine.set(device, mergeDelta(mine.get(device), d));
          }
          if (k) {
            const mine = keyedBacklog(c, ch);
            for (const [key, m] of k.messages) mine.set(key, m);
          }
          continue;
        }
        this.sendChannel(c, ch, asOf, r, k);
      }
      if (touched && congested) {
        c.skipped++;
        this.dropped++;
      }
    }
  }

  private sendChannel(
    c: ClientState,
    channel: string,
    asOf: string,
    r: { text: Buffer; deltas: Map<string, ReadingDelta> } | undefined,
    k: { texts: Buffer[]; messages: Map<string, WsServerMessage> } | undefined,
  ): void {
    const old = c.backlog.get(channel);
    if (old) {
      // Catching up: this client's own merge of what it missed and what is new.
      c.backlog.delete(channel);
      if (r) for (const [device, d] of r.deltas) old.set(device, mergeDelta(old.get(device), d));
      const msg: WsServerMessage = { type: 'readings', channel, asOf, deltas: [...old.values()] };
      this.trySend(c, encode(msg));
    } else if (r) {
      this.trySend(c, r.text);
    }
    const oldKeyed = c.backlogKeyed.get(channel);
    if (oldKeyed) {
      c.backlogKeyed.delete(channel);
      if (k) for (const [key, m] of k.messages) oldKeyed.set(key, m);
      for (const m of oldKeyed.values()) this.trySend(c, encode(m));
    } else if (k) {
      for (const t of k.texts) this.trySend(c, t);
    }
  }

  private anyBacklog(): boolean {
    for (const c of this.clients.values()) {
      if (c.backlog.size > 0 || c.backlogKeyed.size > 0) return true;
    }
    return false;
  }

  private congested(c: ClientState): boolean {
    return c.socket.readyState !== OPEN || c.socket.bufferedAmount > this.options.maxBufferedBytes;
  }

  private unlink(channel: string, c: ClientState): void {
    const set = this.byChannel.get(channel);
    if (!set) return;
    set.delete(c);
    if (set.size === 0) this.byChannel.delete(channel);
  }

  private trySend(c: ClientState, data: Buffer): void {
    if (c.socket.readyState !== OPEN) return;
    try {
      c.socket.send(data, TEXT);
    } catch {
      // A socket that fails to send is being closed; its close handler removes it.
    }
  }
}

function keyedBacklog(c: ClientState, channel: string): Map<string, WsServerMessage> {
  let mine = c.backlogKeyed.get(channel);
  if (!mine) c.backlogKeyed.set(channel, (mine = new Map<string, WsServerMessage>()));
  return mine;
}

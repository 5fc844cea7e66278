import type { WsClientMessage, WsServerMessage } from '@ioc/contracts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { parseServerMessage } from './serverMessage';

export type SocketPhase = 'connecting' | 'open' | 'closed';

/** The part of the browser WebSocket this client uses; tests pass a fake. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface ReconnectingSocketOptions {
  /** Evaluated on every attempt so a refreshed token is picked up. */
  url: () => string;
  /**
   * A person's session token, sent as the first message of every connection: sessions never
   * ride in a URL (the server refuses them there); a wall's display token does (liveSocketUrl).
   */
  authToken?: () => string | null;
  channels: readonly string[];
  onMessage: (msg: WsServerMessage) => void;
  onPhase?: (phase: SocketPhase) => void;
  /** Called when a connection opens after an earlier one was lost: refetch what was missed. */
  onReconnected?: () => void;
  createSocket?: (url: string) => SocketLike;
  backoff?: BackoffOptions;
  /** How often to ping; also how often silence is checked. */
  pingIntervalMs?: number;
  /**
   * No frame at all for this long means the connection is dead even if the browser has not
   * noticed (a server killed without a FIN, a NAT that dropped the flow): drop and reconnect.
   */
  silenceTimeoutMs?: number;
}

/**
 * WebSocket that never gives up: reconnects with capped exponential backoff, re-sends its
 * subscriptions on every new connection and detects silent dead connections with pings.
 * A wall must recover from API restarts and network blips without anyone touching it.
 */
export class ReconnectingSocket {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastFrameAt = 0;
  private running = false;
  private everOpened = false;
  private phase: SocketPhase = 'closed';
  private readonly opts: Required<
    Omit<ReconnectingSocketOptions, 'onPhase' | 'onReconnected' | 'authToken'>
  > &
    Pick<ReconnectingSocketOptions, 'onPhase' | 'onReconnected' | 'authToken'>;

  constructor(opts: ReconnectingSocketOptions) {
    this.opts = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      backoff: DEFAULT_BACKOFF,
      pingIntervalMs: 25_000,
      silenceTimeoutMs: 70_000,
      ...opts,
    };
  }

  get currentPhase(): SocketPhase {
    return this.phase;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.clearRetry();
    this.dropSocket();
    this.setPhase('closed');
  }

  send(msg: WsClientMessage): boolean {
    if (this.phase !== 'open' || !this.socket) return false;
    this.socket.send(JSON.stringify(msg));
    return true;
  }

  /** The network came back: skip the rest of the backoff wait. */
  private readonly onOnline = (): void => {
    if (this.running && this.phase === 'closed') {
      this.clearRetry();
      this.connect();
    }
  };

  private connect(): void {
    if (!this.running) return;
    this.setPhase('connecting');
    let socket: SocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.lastFrameAt = Date.now();
      this.setPhase('open');
      const token = this.opts.authToken?.() ?? null;
      if (token !== null && !isDisplayToken(token)) {
        socket.send(JSON.stringify({ type: 'auth', token }));
      }
      socket.send(JSON.stringify({ type: 'subscribe', channels: [...this.opts.channels] }));
      this.startHeartbeat(socket);
      if (this.everOpened) this.opts.onReconnected?.();
      this.everOpened = true;
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastFrameAt = Date.now();
      if (typeof ev.data !== 'string') return;
      const msg = parseServerMessage(ev.data);
      if (!msg) return;
      // Only a confirmed subscription proves the server is healthy; resetting on bare `open`
      // would hammer a server that accepts and then immediately closes.
      if (msg.type === 'subscribed') this.attempt = 0;
      this.opts.onMessage(msg);
    };
    socket.onerror = () => {
      // A 'close' event always follows; reconnection is handled there.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.dropSocket();
      this.setPhase('closed');
      this.scheduleRetry();
    };
  }

  private startHeartbeat(socket: SocketLike): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      if (this.socket !== socket) return;
      if (Date.now() - this.lastFrameAt > this.opts.silenceTimeoutMs) {
        // Do not wait for the close handshake of a dead peer — it can take minutes.
        this.dropSocket();
        this.setPhase('closed');
        this.scheduleRetry();
        return;
      }
      socket.send(JSON.stringify({ type: 'ping' } satisfies WsClientMessage));
    }, this.opts.pingIntervalMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private dropSocket(): void {
    this.stopHeartbeat();
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(1000, 'client closing');
    } catch {
      // Closing a socket that never connected can throw in some engines; nothing to clean.
    }
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer !== null) return;
    const delay = backoffDelay(this.attempt, this.opts.backoff);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setPhase(phase: SocketPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.opts.onPhase?.(phase);
  }
}

/** A wall screen's read-only token, the one kind that may travel in a URL. */
export function isDisplayToken(token: string): boolean {
  return token.startsWith('iocd_');
}

import type { DeviceView, ReadingDelta, WsServerMessage } from '@ioc/contracts';
import type { Listing } from '../api/schemas';
import { DeviceStore } from './deviceStore';
import { ReconnectingSocket, isDisplayToken, type SocketLike, type SocketPhase } from './wsClient';

export interface LiveSnapshot {
  phase: SocketPhase;
  hasConnected: boolean;
  /** Server "as of" of the newest data applied (REST asOf or delta message asOf). */
  asOf: string | null;
  /** Client clock when data was last applied, for staleness. */
  lastDataAt: number | null;
  startedAt: number;
  valueVersion: number;
  structureVersion: number;
  /** Error code when the server refused our channel (e.g. outside the token's scope). */
  refused: string | null;
}

export interface LiveFeedOptions {
  unitCode: string;
  fetchDevices: (unit: string, signal: AbortSignal) => Promise<Listing<DeviceView>>;
  wsUrl: () => string;
  /** A session token to authenticate with (first message); see ReconnectingSocket. */
  authToken?: () => string | null;
  createSocket?: (url: string) => SocketLike;
  /** Full REST refresh period: repairs anything a lost delta left behind. */
  refreshIntervalMs?: number;
}

/** Flush at least this often even when animation frames are paused (hidden tab). */
const FLUSH_FALLBACK_MS = 250;
/** An unknown device in a delta triggers a refresh to learn its position, at most this often. */
const EARLY_REFRESH_MIN_GAP_MS = 10_000;

function later(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * Keeps a DeviceStore live for one unit: REST snapshot on start, every minute and after every
 * reconnect, WebSocket deltas in between. Deltas are queued and applied once per animation
 * frame, so a burst of hundreds of messages costs one store pass and one layer update.
 * Framework-free; React subscribes through `subscribe`/`getSnapshot`.
 */
export class LiveFeed {
  readonly store = new DeviceStore();
  private snapshot: LiveSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly alertListeners = new Set<(alert: unknown) => void>();
  private readonly eventListeners = new Set<(type: string, msg: WsServerMessage) => void>();
  private readonly socket: ReconnectingSocket;
  private pending: ReadingDelta[] = [];
  private pendingAsOf: string | null = null;
  private flushScheduled = false;
  private rafId: number | null = null;
  private fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | null = null;
  private refreshAbort: AbortController | null = null;
  private lastRefreshStart = 0;

  constructor(private readonly opts: LiveFeedOptions) {
    this.snapshot = {
      phase: 'closed',
      hasConnected: false,
      asOf: null,
      lastDataAt: null,
      startedAt: Date.now(),
      valueVersion: 0,
      structureVersion: 0,
      refused: null,
    };
    this.socket = new ReconnectingSocket({
      url: opts.wsUrl,
      ...(opts.authToken ? { authToken: opts.authToken } : {}),
      // Alerts ride the same socket: one connection per screen, one reconnect loop.
      channels: [`unit:${opts.unitCode}`, `alerts:${opts.unitCode}`],
      onMessage: (msg) => {
        this.onMessage(msg);
      },
      onPhase: (phase) => {
        this.update({ phase, hasConnected: this.snapshot.hasConnected || phase === 'open' });
      },
      // Deltas published while we were away are gone; the snapshot brings values up to date.
      onReconnected: () => void this.refresh(),
      ...(opts.createSocket ? { createSocket: opts.createSocket } : {}),
    });
  }

  start(): void {
    this.update({ startedAt: Date.now() });
    this.socket.start();
    void this.refresh();
    this.refreshTimer = setInterval(
      () => void this.refresh(),
      this.opts.refreshIntervalMs ?? 60_000,
    );
  }

  stop(): void {
    this.socket.stop();
    if (this.refreshTimer !== null) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    this.refreshAbort?.abort();
    this.cancelFlush();
    this.listeners.clear();
    this.alertListeners.clear();
    this.eventListeners.clear();
  }

  /** Alerts pushed on `alerts:<unit>` (raw payloads; the listener validates them). */
  subscribeAlerts = (listener: (alert: unknown) => void): (() => void) => {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  };

  /**
   * The type of every pushed change other than readings (`task`, `report`, `indicator`,
   * `wall`, `citizen`, …) and the message itself: panels read from REST refetch on the ones
   * that concern them; a layer may apply the change in place (`citizen`).
   */
  subscribeEvents = (listener: (type: string, msg: WsServerMessage) => void): (() => void) => {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  private onMessage(msg: WsServerMessage): void {
    if (msg.type !== 'readings') for (const l of this.eventListeners) l(msg.type, msg);
    if (msg.type === 'readings') {
      for (const d of msg.deltas) this.pending.push(d);
      this.pendingAsOf = later(this.pendingAsOf, msg.asOf || null);
      this.scheduleFlush();
    } else if (msg.type === 'alert') {
      for (const l of this.alertListeners) l(msg.alert);
    } else if (msg.type === 'refused') {
      console.warn('Subscription refused', msg);
      this.update({ refused: msg.code || 'refused' });
    } else if (msg.type === 'subscribed' && this.snapshot.refused !== null) {
      this.update({ refused: null });
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = (): void => {
      if (!this.flushScheduled) return;
      this.cancelFlush();
      this.flush();
    };
    if (typeof requestAnimationFrame === 'function') this.rafId = requestAnimationFrame(run);
    this.fallbackTimer = setTimeout(run, FLUSH_FALLBACK_MS);
  }

  private cancelFlush(): void {
    this.flushScheduled = false;
    if (this.rafId !== null) cancelAnimationFrame(this.rafId);
    if (this.fallbackTimer !== null) clearTimeout(this.fallbackTimer);
    this.rafId = null;
    this.fallbackTimer = null;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const asOf = this.pendingAsOf;
    this.pendingAsOf = null;
    const result = this.store.applyDeltas(batch);
    if (result.unknown > 0 && Date.now() - this.lastRefreshStart > EARLY_REFRESH_MIN_GAP_MS) {
      void this.refresh();
    }
    this.update({
      asOf: later(this.snapshot.asOf, asOf),
      lastDataAt: Date.now(),
      valueVersion: this.store.valueVersion,
    });
  }

  private async refresh(): Promise<void> {
    this.refreshAbort?.abort();
    const abort = new AbortController();
    this.refreshAbort = abort;
    this.lastRefreshStart = Date.now();
    try {
      const listing = await this.opts.fetchDevices(this.opts.unitCode, abort.signal);
      if (abort.signal.aborted) return;
      this.store.replaceAll(listing.items);
      this.update({
        asOf: later(this.snapshot.asOf, listing.asOf),
        lastDataAt: Date.now(),
        valueVersion: this.store.valueVersion,
        structureVersion: this.store.structureVersion,
      });
    } catch (err) {
      // Keep showing what we have; staleness tells the operator. The next tick retries.
      if (!abort.signal.aborted) console.warn('Device refresh failed', err);
    }
  }

  private update(patch: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/**
 * Same-origin /ws URL. A wall's display token rides as ?token= (browsers cannot set headers on
 * a WebSocket); a session token never does — ReconnectingSocket sends it as the first message.
 */
export function liveSocketUrl(
  loc: Pick<Location, 'protocol' | 'host'>,
  token: string | null,
): string {
  const url = new URL(`${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`);
  if (token !== null && isDisplayToken(token)) url.searchParams.set('token', token);
  return url.toString();
}

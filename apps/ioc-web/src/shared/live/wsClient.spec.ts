import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveSocketUrl } from './liveFeed';
import { ReconnectingSocket, type SocketLike, type SocketPhase } from './wsClient';

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  // Test drivers:
  open(): void {
    this.onopen?.({});
  }
  receive(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop(): void {
    this.onclose?.({});
  }
}

describe('ReconnectingSocket', () => {
  let sockets: FakeSocket[];
  let phases: SocketPhase[];
  let reconnects: number;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    phases = [];
    reconnects = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function make(): ReconnectingSocket {
    return new ReconnectingSocket({
      url: () => 'ws://host/ws?token=t',
      channels: ['unit:48'],
      onMessage: () => undefined,
      onPhase: (p) => phases.push(p),
      onReconnected: () => {
        reconnects += 1;
      },
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      pingIntervalMs: 1000,
      silenceTimeoutMs: 3000,
    });
  }

  it('subscribes on open and again after every reconnect', () => {
    const ws = make();
    ws.start();
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', channels: ['unit:48'] }]);

    sockets[0]!.drop();
    expect(ws.currentPhase).toBe('closed');
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ type: 'subscribe', channels: ['unit:48'] }]);
    expect(reconnects).toBe(1);
    expect(phases).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
    ws.stop();
  });

  it('backs off exponentially while the server is down, never beyond ~10 s', () => {
    const ws = make();
    ws.start();
    const gaps: number[] = [];
    let last = Date.now();
    for (let i = 0; i < 8; i++) {
      sockets[sockets.length - 1]!.drop();
      const before = sockets.length;
      while (sockets.length === before) vi.advanceTimersByTime(50);
      gaps.push(Date.now() - last);
      last = Date.now();
    }
    expect(gaps[1]!).toBeGreaterThanOrEqual(gaps[0]! * 0.9);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_050);
    expect(gaps[gaps.length - 1]!).toBeGreaterThanOrEqual(5000);
    ws.stop();
  });

  it('pings, and drops a connection that has gone silent', () => {
    const ws = make();
    ws.start();
    sockets[0]!.open();
    vi.advanceTimersByTime(1000);
    expect(sockets[0]!.sent).toContainEqual({ type: 'ping' });
    vi.advanceTimersByTime(3000);
    expect(sockets[0]!.closed).toBe(true);
    expect(ws.currentPhase).toBe('closed');
    vi.advanceTimersByTime(10_000);
    expect(sockets.length).toBeGreaterThan(1);
    ws.stop();
  });

  it('stops cleanly and does not reconnect afterwards', () => {
    const ws = make();
    ws.start();
    sockets[0]!.open();
    ws.stop();
    expect(sockets[0]!.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('liveSocketUrl', () => {
  it('follows the page scheme and carries a display token, never a session', () => {
    expect(liveSocketUrl({ protocol: 'http:', host: 'ioc.local:8080' }, null)).toBe(
      'ws://ioc.local:8080/ws',
    );
    expect(liveSocketUrl({ protocol: 'https:', host: 'ioc.gov.vn' }, 'iocd_a b')).toBe(
      'wss://ioc.gov.vn/ws?token=iocd_a+b',
    );
    expect(liveSocketUrl({ protocol: 'https:', host: 'ioc.gov.vn' }, 'iocs_secret')).toBe(
      'wss://ioc.gov.vn/ws',
    );
  });
});

describe('ReconnectingSocket authentication', () => {
  const opened = (token: string | null) => {
    const sockets: FakeSocket[] = [];
    const ws = new ReconnectingSocket({
      url: () => 'ws://host/ws',
      authToken: () => token,
      channels: ['unit:48'],
      onMessage: () => undefined,
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    });
    ws.start();
    sockets[0]?.open();
    ws.stop();
    return sockets[0]?.sent;
  };

  it('sends a session token as the first message, before subscribing', () => {
    expect(opened('iocs_secret')).toEqual([
      { type: 'auth', token: 'iocs_secret' },
      { type: 'subscribe', channels: ['unit:48'] },
    ]);
  });

  it('sends no auth message for a display token (it is in the URL) or without a token', () => {
    expect(opened('iocd_wall')).toEqual([{ type: 'subscribe', channels: ['unit:48'] }]);
    expect(opened(null)).toEqual([{ type: 'subscribe', channels: ['unit:48'] }]);
  });
});

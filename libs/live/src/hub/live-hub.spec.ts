import { describe, expect, it } from 'vitest';
import type { WsServerMessage } from '@ioc/contracts';
import { LiveHub, type LiveSocket } from './live-hub';

function socket(
  bufferedAmount = 0,
): LiveSocket & { sent: WsServerMessage[]; bufferedAmount: number } {
  const sent: WsServerMessage[] = [];
  return {
    bufferedAmount,
    readyState: 1,
    sent,
    send(data: string | Buffer) {
      sent.push(JSON.parse(data.toString()) as WsServerMessage);
    },
  };
}

describe('LiveHub', () => {
  it('coalesces readings per device between flushes', () => {
    const hub = new LiveHub();
    const s = socket();
    hub.add(s);
    hub.subscribe(s, ['unit:48']);
    hub.publishReading('unit:48', {
      deviceId: 'a',
      unitCode: '20314',
      time: '2026-01-01T00:00:00Z',
      values: { pm25: 1 },
    });
    hub.publishReading('unit:48', {
      deviceId: 'a',
      unitCode: '20314',
      time: '2026-01-01T00:00:05Z',
      values: { pm25: 2, pm10: 3 },
    });
    hub.publishReading('unit:99', {
      deviceId: 'b',
      unitCode: null,
      time: '2026-01-01T00:00:05Z',
      values: { pm25: 9 },
    });
    hub.flush();
    expect(s.sent).toHaveLength(1);
    const m = s.sent[0];
    expect(m?.type).toBe('readings');
    if (m?.type !== 'readings') return;
    expect(m.deltas).toEqual([
      {
        deviceId: 'a',
        unitCode: '20314',
        time: '2026-01-01T00:00:05Z',
        values: { pm25: 2, pm10: 3 },
      },
    ]);
  });

  it('skips a stalled client and keeps only its latest values, without affecting others', () => {
    const hub = new LiveHub({ flushIntervalMs: 100, maxBufferedBytes: 10 });
    const slow = socket(1_000);
    const fast = socket();
    hub.add(slow);
    hub.add(fast);
    hub.subscribe(slow, ['unit:48']);
    hub.subscribe(fast, ['unit:48']);
    for (let i = 0; i < 100; i++) {
      hub.publishReading('unit:48', {
        deviceId: 'a',
        unitCode: null,
        time: new Date(i * 1000).toISOString(),
        values: { pm25: i },
      });
      hub.flush();
    }
    expect(fast.sent).toHaveLength(100);
    expect(slow.sent).toHaveLength(0);
    expect(hub.dropped).toBe(100);
  });
});

describe('LiveHub keyed messages and backlogs', () => {
  const rollup = (n: number): WsServerMessage => ({
    type: 'rollup',
    channel: 'unit:48',
    asOf: '2026-01-01T00:00:00Z',
    rollup: { metric: 'pm25', n },
  });

  it('sends only the newest keyed message per key at a flush', () => {
    const hub = new LiveHub();
    const s = socket();
    hub.add(s);
    hub.subscribe(s, ['unit:48']);
    hub.publishKeyed('unit:48', 'pm25', rollup(1));
    hub.publishKeyed('unit:48', 'pm25', rollup(2));
    hub.publishKeyed('unit:48', 'pm10', {
      type: 'rollup',
      channel: 'unit:48',
      asOf: '2026-01-01T00:00:00Z',
      rollup: { metric: 'pm10', n: 3 },
    });
    hub.flush();
    expect(s.sent.map((m) => (m.type === 'rollup' ? m.rollup : null))).toEqual([
      { metric: 'pm25', n: 2 },
      { metric: 'pm10', n: 3 },
    ]);
  });

  it('gives a client that recovers the latest of what it missed, once', () => {
    const hub = new LiveHub({ flushIntervalMs: 100, maxBufferedBytes: 10 });
    const slow = { ...socket(), bufferedAmount: 1_000 };
    hub.add(slow);
    hub.subscribe(slow, ['unit:48']);
    for (let i = 0; i < 5; i++) {
      hub.publishReading('unit:48', {
        deviceId: 'a',
        unitCode: null,
        time: new Date(i * 1000).toISOString(),
        values: { pm25: i },
      });
      hub.publishReading('unit:48', {
        deviceId: 'b',
        unitCode: null,
        time: new Date(i * 1000).toISOString(),
        values: { pm10: i },
      });
      hub.publishKeyed('unit:48', 'pm25', rollup(i));
      hub.broadcast(
        'unit:48',
        { type: 'alert', channel: 'unit:48', asOf: 'x', alert: { id: 'z', n: i } },
        'alert:z',
      );
      hub.flush();
    }
    expect(slow.sent).toHaveLength(0);
    expect(hub.stats.congested).toBe(1);
    slow.bufferedAmount = 0;
    hub.flush();
    const readings = slow.sent.filter((m) => m.type === 'readings');
    expect(readings).toHaveLength(1);
    expect(readings[0]?.type === 'readings' && readings[0].deltas.map((d) => d.values)).toEqual([
      { pm25: 4 },
      { pm10: 4 },
    ]);
    expect(slow.sent.filter((m) => m.type === 'rollup')).toEqual([rollup(4)]);
    expect(slow.sent.flatMap((m) => (m.type === 'alert' ? [m.alert] : []))).toEqual([
      { id: 'z', n: 4 },
    ]);
    expect(hub.stats.congested).toBe(0);
    hub.flush();
    expect(slow.sent).toHaveLength(3);
  });

  it('serialises a channel message once for all healthy subscribers', () => {
    const hub = new LiveHub();
    const texts: (string | Buffer)[] = [];
    const clients = Array.from({ length: 3 }, () => ({
      bufferedAmount: 0,
      readyState: 1,
      send: (t: string | Buffer) => texts.push(t),
    }));
    for (const c of clients) {
      hub.add(c);
      hub.subscribe(c, ['unit:48']);
    }
    hub.publishReading('unit:48', {
      deviceId: 'a',
      unitCode: null,
      time: '2026-01-01T00:00:00Z',
      values: { pm25: 1 },
    });
    hub.flush();
    expect(texts).toHaveLength(3);
    expect(new Set(texts).size).toBe(1);
  });
});

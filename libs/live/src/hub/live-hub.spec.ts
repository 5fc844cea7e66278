import { describe, expect, it } from 'vitest';
import type { WsServerMessage } from '@ioc/contracts';
import { LiveHub, type LiveSocket } from './live-hub';

function socket(bufferedAmount = 0): LiveSocket & { sent: WsServerMessage[] } {
  const sent: WsServerMessage[] = [];
  return {
    bufferedAmount,
    readyState: 1,
    sent,
    send(data: string) {
      sent.push(JSON.parse(data) as WsServerMessage);
    },
  };
}

describe('LiveHub', () => {
  it('coalesces readings per device between flushes', () => {
    const hub = new LiveHub();
    const s = socket();
    hub.add(s);
    hub.subscribe(s, ['unit:48']);
    hub.publishReading('unit:48', { deviceId: 'a', unitCode: '20314', time: '2026-01-01T00:00:00Z', values: { pm25: 1 } });
    hub.publishReading('unit:48', { deviceId: 'a', unitCode: '20314', time: '2026-01-01T00:00:05Z', values: { pm25: 2, pm10: 3 } });
    hub.publishReading('unit:99', { deviceId: 'b', unitCode: null, time: '2026-01-01T00:00:05Z', values: { pm25: 9 } });
    hub.flush();
    expect(s.sent).toHaveLength(1);
    const m = s.sent[0];
    expect(m?.type).toBe('readings');
    if (m?.type !== 'readings') return;
    expect(m.deltas).toEqual([{ deviceId: 'a', unitCode: '20314', time: '2026-01-01T00:00:05Z', values: { pm25: 2, pm10: 3 } }]);
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
      hub.publishReading('unit:48', { deviceId: 'a', unitCode: null, time: new Date(i * 1000).toISOString(), values: { pm25: i } });
      hub.flush();
    }
    expect(fast.sent).toHaveLength(100);
    expect(slow.sent).toHaveLength(0);
    expect(hub.dropped).toBe(100);
  });
});

import { describe, expect, it } from 'vitest';
import type { Reading, WsServerMessage } from '@ioc/contracts';
import { fanOutReadings, readingDeltas } from './fanout';
import { LiveHub, type LiveSocket } from './live-hub';

function socket(): LiveSocket & { sent: WsServerMessage[] } {
  const sent: WsServerMessage[] = [];
  return {
    bufferedAmount: 0,
    readyState: 1,
    sent,
    send(data: string | Buffer) {
      sent.push(JSON.parse(data.toString()) as WsServerMessage);
    },
  };
}

const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 3, 0, s));
const vessel = (s: number, metric: string, value: number, pos?: [number, number]): Reading => ({
  time: at(s),
  deviceId: 'vs-01',
  metric,
  value,
  unitCode: pos && pos[0] < 108.4 ? '20236' : null,
  ...(pos ? { position: { lon: pos[0], lat: pos[1] } } : {}),
});

describe('reading deltas with positions', () => {
  it('carries the newest position of a device, and none for readings without one', () => {
    const deltas = readingDeltas([
      vessel(0, 'speed_knots', 3, [108.35, 16.0]),
      vessel(30, 'speed_knots', 4, [108.5, 16.1]),
      vessel(10, 'heading', 80, [108.36, 16.01]),
      { time: at(5), deviceId: 'aq-1', metric: 'pm25', value: 12, unitCode: '20314' },
    ]);
    expect(deltas.find((d) => d.deviceId === 'vs-01')).toEqual({
      deviceId: 'vs-01',
      unitCode: null,
      time: at(30).toISOString(),
      values: { speed_knots: 4, heading: 80 },
      position: { lon: 108.5, lat: 16.1 },
    });
    expect(deltas.find((d) => d.deviceId === 'aq-1')).not.toHaveProperty('position');
  });

  it('sends a reading at sea to the channel of the device’s registered unit and its parent', () => {
    const hub = new LiveHub();
    const province = socket();
    const ward = socket();
    hub.add(province);
    hub.add(ward);
    hub.subscribe(province, ['unit:48']);
    hub.subscribe(ward, ['unit:20236']);
    fanOutReadings(
      hub,
      [vessel(0, 'speed_knots', 3, [108.6, 16.0])],
      (u) => (u === '48' ? null : '48'),
      (id) => (id === 'vs-01' ? '48' : null),
    );
    // Later in the same tick: a reading without a position keeps the known one.
    fanOutReadings(
      hub,
      [vessel(40, 'heading', 90)],
      () => null,
      () => '48',
    );
    hub.flush();
    expect(ward.sent).toEqual([]);
    expect(province.sent).toHaveLength(1);
    const msg = province.sent[0];
    expect(msg?.type === 'readings' ? msg.deltas : []).toEqual([
      {
        deviceId: 'vs-01',
        unitCode: null,
        time: at(40).toISOString(),
        values: { speed_knots: 3, heading: 90 },
        position: { lon: 108.6, lat: 16.0 },
      },
    ]);
  });
});

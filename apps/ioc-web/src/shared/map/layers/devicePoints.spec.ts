import { describe, expect, it } from 'vitest';
import type { DeviceState } from '../../live/deviceStore';
import { DevicePoints, deviceRgba } from './devicePoints';

function device(i: number, seq: number): DeviceState {
  return {
    id: `d${i}`,
    kind: 'air_quality',
    unitCode: '20242',
    lon: 108 + i * 0.001,
    lat: 16,
    lastSeen: 1000,
    latest: new Map([['pm25', { value: 10, time: 1000 }]]),
    name: null,
    alarmLevels: null,
    changedSeq: seq,
  };
}

describe('DevicePoints', () => {
  it('packs positions once and re-colours only the devices that changed', () => {
    const devices = Array.from({ length: 1000 }, (_, i) => device(i, 1));
    const p = new DevicePoints();
    const colorOf = (d: DeviceState): [number, number, number, number] => [
      d.latest.get('pm25')?.value ?? 0,
      0,
      0,
      255,
    ];
    const first = p.update(devices, 'k', colorOf);
    expect(p.lastRecolored).toBe(1000);
    const positions = first.attributes.getPosition;
    expect(first.attributes.getFillColor.value[0]).toBe(10);

    const changed = devices[7] as DeviceState;
    changed.latest.set('pm25', { value: 42, time: 2000 });
    changed.changedSeq = 2;
    const v = p.version;
    const second = p.update(devices, 'k', colorOf);
    expect(p.lastRecolored).toBe(1);
    expect(second.attributes.getPosition).toBe(positions);
    expect(second.attributes.getFillColor.value[7 * 4]).toBe(42);
    expect(p.version).toBe(v + 1);

    p.update(devices, 'k', colorOf);
    expect(p.lastRecolored).toBe(0);
    expect(p.version).toBe(v + 1);

    p.update(devices, 'k2', colorOf);
    expect(p.lastRecolored).toBe(1000);
    expect(p.positionVersion).toBe(0);
  });

  it('moves a changed device in place (a vessel) without repacking the others', () => {
    const devices = Array.from({ length: 10 }, (_, i) => device(i, 1));
    const p = new DevicePoints();
    const colorOf = (): [number, number, number, number] => [0, 0, 0, 255];
    const before = p.update(devices, 'k', colorOf).attributes.getPosition.value;
    const vessel = devices[3] as DeviceState;
    vessel.lon = 109.25;
    vessel.changedSeq = 2;
    const after = p.update(devices, 'k', colorOf).attributes.getPosition;
    expect(after.value).toBe(before);
    expect(after.value[6]).toBe(Math.fround(109.25));
    expect(p.positionVersion).toBe(1);
  });

  it('colours by the scene metric, offline grey, other sensors cyan', () => {
    const d = device(1, 1);
    d.latest.set('water_level', { value: 2, time: 1000 });
    const seq = { kind: 'sequential', min: 0, max: 6, step: 1 } as const;
    expect(deviceRgba(d, 1000, 'water_level', seq)).toEqual([42, 120, 142, 255]);
    expect(deviceRgba(d, 1000, 'pm25', { kind: 'aqi' })).toEqual([0, 228, 0, 255]);
    expect(deviceRgba(d, 1000 + 3_600_000, 'pm25', { kind: 'aqi' })[3]).toBe(220);
    d.latest.delete('pm25');
    expect(deviceRgba(d, 1000, 'noise', { kind: 'none' })).toEqual([80, 200, 255, 255]);
  });

  it('colours a station that reached its own báo động level by that level, else by the scale', () => {
    const d = { ...device(1, 1), alarmLevels: [1.7, 1.8, 1.88] };
    const seq = { kind: 'sequential', min: 0, max: 6, step: 1 } as const;
    d.latest.set('water_level', { value: 1.82, time: 1000 });
    expect(deviceRgba(d, 1000, 'water_level', seq)).toEqual([255, 90, 90, 255]);
    d.latest.set('water_level', { value: 1.9, time: 1000 });
    expect(deviceRgba(d, 1000, 'water_level', seq)).toEqual([255, 45, 120, 255]);
    d.latest.set('water_level', { value: 1.2, time: 1000 });
    expect(deviceRgba(d, 1000, 'water_level', seq)).toEqual(
      deviceRgba({ ...d, alarmLevels: null }, 1000, 'water_level', seq),
    );
    // Offline wins: a last value is not a current alarm.
    expect(deviceRgba(d, 1000 + 3_600_000, 'water_level', seq)[3]).toBe(220);
  });
});

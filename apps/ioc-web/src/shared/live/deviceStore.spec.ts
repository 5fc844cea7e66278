import type { DeviceView, ReadingDelta } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { applyDelta, DeviceStore, mergeMetric, type MetricValue } from './deviceStore';

const view = (id: string, patch: Partial<DeviceView> = {}): DeviceView => ({
  id,
  kind: 'air',
  unitCode: '20242',
  lon: 108.22,
  lat: 16.07,
  lastSeen: '2026-03-01T00:00:00Z',
  latest: {},
  ...patch,
});

const delta = (deviceId: string, time: string, values: Record<string, number>): ReadingDelta => ({
  deviceId,
  unitCode: '20242',
  time,
  values,
});

describe('mergeMetric', () => {
  it('takes newer readings and refuses older ones', () => {
    const latest = new Map<string, MetricValue>();
    expect(mergeMetric(latest, 'pm25', 10, 1000)).toBe(true);
    expect(mergeMetric(latest, 'pm25', 20, 2000)).toBe(true);
    expect(mergeMetric(latest, 'pm25', 5, 1500)).toBe(false);
    expect(latest.get('pm25')).toEqual({ value: 20, time: 2000 });
  });

  it('lets a same-time correction overwrite, but a duplicate is no change', () => {
    const latest = new Map<string, MetricValue>([['pm25', { value: 20, time: 2000 }]]);
    expect(mergeMetric(latest, 'pm25', 20, 2000)).toBe(false);
    expect(mergeMetric(latest, 'pm25', 21, 2000)).toBe(true);
    expect(latest.get('pm25')?.value).toBe(21);
  });
});

describe('applyDelta', () => {
  it('merges each metric, advances lastSeen, ignores bad times', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a')]);
    const a = store.byId.get('a')!;
    expect(applyDelta(a, delta('a', '2026-03-01T00:01:00Z', { pm25: 41.2, pm10: 60 }))).toBe(true);
    expect(a.latest.get('pm25')?.value).toBe(41.2);
    expect(a.latest.get('pm10')?.value).toBe(60);
    expect(a.lastSeen).toBe(Date.parse('2026-03-01T00:01:00Z'));
    expect(applyDelta(a, delta('a', 'not a time', { pm25: 1 }))).toBe(false);
    expect(a.latest.get('pm25')?.value).toBe(41.2);
  });
});

describe('DeviceStore', () => {
  it('applies a batch in place without rebuilding the positioned array', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a'), view('b'), view('c', { lon: null, lat: null })]);
    const positioned = store.positioned;
    const structure = store.structureVersion;
    expect(positioned.map((d) => d.id)).toEqual(['a', 'b']);

    const result = store.applyDeltas([
      delta('a', '2026-03-01T00:01:00Z', { pm25: 30 }),
      delta('a', '2026-03-01T00:02:00Z', { pm25: 42 }),
      delta('b', '2026-03-01T00:01:00Z', { pm25: 12 }),
    ]);
    expect(result).toEqual({ changed: 2, unknown: 0 });
    expect(store.positioned).toBe(positioned);
    expect(store.structureVersion).toBe(structure);
    expect(store.byId.get('a')?.latest.get('pm25')?.value).toBe(42);
  });

  it('bumps valueVersion only when something changed', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a')]);
    const v0 = store.valueVersion;
    store.applyDeltas([delta('a', '2026-03-01T00:01:00Z', { pm25: 30 })]);
    expect(store.valueVersion).toBe(v0 + 1);
    store.applyDeltas([delta('a', '2026-03-01T00:01:00Z', { pm25: 30 })]);
    expect(store.valueVersion).toBe(v0 + 1);
  });

  it('tracks unknown devices until a refresh positions them', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a')]);
    const r = store.applyDeltas([delta('new', '2026-03-01T00:01:00Z', { pm25: 99 })]);
    expect(r.unknown).toBe(1);
    expect(store.byId.get('new')?.latest.get('pm25')?.value).toBe(99);
    expect(store.positioned.map((d) => d.id)).toEqual(['a']);

    store.replaceAll([view('a'), view('new', { lon: 108.1, lat: 16.0 })]);
    expect(store.positioned.map((d) => d.id).sort()).toEqual(['a', 'new']);
    // The value learnt from the delta survives the (older) snapshot.
    expect(store.byId.get('new')?.latest.get('pm25')?.value).toBe(99);
  });

  it('keeps a newer delta when a slower REST snapshot arrives with older values', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a')]);
    store.applyDeltas([delta('a', '2026-03-01T00:05:00Z', { pm25: 50 })]);
    store.replaceAll([
      view('a', { latest: { pm25: { value: 10, time: '2026-03-01T00:04:00Z' } } }),
    ]);
    expect(store.byId.get('a')?.latest.get('pm25')?.value).toBe(50);
  });

  it('removes devices that left the snapshot and moves repositioned ones', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a'), view('b')]);
    const before = store.structureVersion;
    store.replaceAll([view('b', { lon: 108.3 })]);
    expect([...store.byId.keys()]).toEqual(['b']);
    expect(store.positioned[0]?.lon).toBe(108.3);
    expect(store.structureVersion).toBe(before + 1);
  });

  it('orders recent changes with changedSeq', () => {
    const store = new DeviceStore();
    store.replaceAll([view('a'), view('b')]);
    store.applyDeltas([delta('b', '2026-03-01T00:01:00Z', { pm25: 1 })]);
    store.applyDeltas([delta('a', '2026-03-01T00:01:00Z', { pm25: 1 })]);
    const a = store.byId.get('a')!;
    const b = store.byId.get('b')!;
    expect(a.changedSeq).toBeGreaterThan(b.changedSeq);
  });
});

describe('DeviceStore registry fields', () => {
  it("keeps a station's name and alarm levels from the registry, and re-ranks when they change", () => {
    const store = new DeviceStore();
    store.replaceAll([view('wl', { name: 'Trạm Cẩm Lệ', alarmLevels: [1.7, 1.8, 1.88] })]);
    expect(store.byId.get('wl')).toMatchObject({
      name: 'Trạm Cẩm Lệ',
      alarmLevels: [1.7, 1.8, 1.88],
    });
    const before = store.valueVersion;
    store.replaceAll([view('wl', { name: 'Trạm Cẩm Lệ', alarmLevels: [1.7, 1.8, 1.88] })]);
    expect(store.valueVersion).toBe(before);
    store.replaceAll([view('wl', { name: 'Trạm Cẩm Lệ', alarmLevels: [1.9, 2.1, 2.3] })]);
    expect(store.valueVersion).toBe(before + 1);
    expect(store.byId.get('wl')?.alarmLevels).toEqual([1.9, 2.1, 2.3]);
    store.replaceAll([view('wl')]);
    expect(store.byId.get('wl')).toMatchObject({ name: null, alarmLevels: null });
  });
});

import { describe, expect, it } from 'vitest';
import type { TabletData } from './api';
import { loadSnapshot, saveSnapshot, type KeyValueStore } from './snapshot';

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [kk, vv]) => n + (kk === k ? 0 : vv.length), 0);
    if (used + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const data = (code: string, loadedAt: number): TabletData => ({
  unit: {
    code,
    name: `Phường ${code}`,
    shortName: code,
    nameEn: null,
    level: 'ward',
    parentCode: '48',
    label: null,
    areaKm2: null,
    population: null,
    approximate: false,
  },
  scorecard: { asOf: null, year: 2026, items: [], sources: {} },
  alerts: [],
  devices: [],
  loadedAt,
});

describe('tablet snapshot', () => {
  it('round-trips per user and unit', () => {
    const store = new MemoryStore();
    saveSnapshot('lan', data('20314', 1000), store);
    expect(loadSnapshot('lan', '20314', store)?.savedAt).toBe(1000);
    expect(loadSnapshot('lan', '20314', store)?.data.unit.name).toBe('Phường 20314');
    // Another person on the same tablet never sees it, nor another unit.
    expect(loadSnapshot('minh', '20314', store)).toBeNull();
    expect(loadSnapshot('lan', '20320', store)).toBeNull();
  });

  it('ignores corrupt entries', () => {
    const store = new MemoryStore();
    store.setItem('ioc.tablet.snapshot.v1:lan:20314', '{not json');
    expect(loadSnapshot('lan', '20314', store)).toBeNull();
    store.setItem('ioc.tablet.snapshot.v1:lan:20314', JSON.stringify({ version: 1, user: 'lan' }));
    expect(loadSnapshot('lan', '20314', store)).toBeNull();
  });

  it('keeps only the five most recent snapshots', () => {
    const store = new MemoryStore();
    for (let i = 0; i < 7; i++) saveSnapshot('lan', data(String(20300 + i), i), store);
    expect(loadSnapshot('lan', '20300', store)).toBeNull();
    expect(loadSnapshot('lan', '20301', store)).toBeNull();
    expect(loadSnapshot('lan', '20306', store)?.savedAt).toBe(6);
    expect(store.length).toBe(5);
  });

  it('makes room when storage is full', () => {
    const store = new MemoryStore();
    saveSnapshot('lan', data('20314', 1), store);
    const one = store.getItem('ioc.tablet.snapshot.v1:lan:20314')?.length ?? 0;
    store.quota = one * 1.5;
    saveSnapshot('lan', data('20320', 2), store);
    expect(loadSnapshot('lan', '20320', store)?.savedAt).toBe(2);
    expect(loadSnapshot('lan', '20314', store)).toBeNull();
  });
});

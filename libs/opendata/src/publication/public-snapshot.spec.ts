import { describe, expect, it } from 'vitest';
import type { PublicSets } from './publication.repository';
import { PublicSnapshotSource, type PublicSnapshot } from './public-snapshot';

const sets = (devices: string[], positionDecimals: number | null = 3): PublicSets => ({
  devices,
  metrics: [],
  indicators: [],
  positionDecimals,
  licence: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
});

describe('PublicSnapshotSource', () => {
  it('is empty until read; announces only a snapshot that differs', async () => {
    let next = sets(['a']);
    const seen: PublicSnapshot[] = [];
    const source = new PublicSnapshotSource({
      read: () => Promise.resolve(next),
      onChanged: (s) => seen.push(s),
      maxAgeMs: 1e9,
    });
    expect(source.current().devices.size).toBe(0);
    await source.refresh();
    await source.refresh();
    expect(seen.map((s) => [...s.devices])).toEqual([['a']]);
    next = sets(['a'], 2);
    await source.refresh();
    expect(seen.map((s) => s.positionDecimals)).toEqual([3, 2]);
  });

  it('reads again when a refresh is asked for while one runs (that read may predate the change)', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const source = new PublicSnapshotSource({
      read: async () => {
        reads += 1;
        if (reads === 1) await new Promise<void>((r) => (release = r));
        return sets([`v${String(reads)}`]);
      },
    });
    const first = source.refresh();
    const second = source.refresh();
    release();
    expect([...(await second).devices]).toEqual(['v2']);
    expect(await first).toBe(await second);
    expect(reads).toBe(2);
  });

  it('starts a background refresh when older than maxAge, answering at once', async () => {
    let t = 0;
    let reads = 0;
    const source = new PublicSnapshotSource({
      read: () => {
        reads += 1;
        return Promise.resolve(sets(['x']));
      },
      maxAgeMs: 1000,
      now: () => new Date(t),
    });
    t = 5000;
    await source.refresh();
    expect(reads).toBe(1);
    t = 5500;
    source.current();
    expect(reads).toBe(1);
    t = 7000;
    expect([...source.current().devices]).toEqual(['x']);
    expect(reads).toBe(2);
  });
});

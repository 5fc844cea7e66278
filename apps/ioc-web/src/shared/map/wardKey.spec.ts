import { describe, expect, it } from 'vitest';
import { boxOf, overlaps, type LabelRequest } from './labelPlacement';
import { placeWithKey } from './wardKey';

const label = (id: string, x: number, y: number, width = 80, priority = 0): LabelRequest => ({
  id,
  x,
  y,
  width,
  height: 20,
  priority,
});
const numberSize = (n: number) => ({ width: 10 + String(n).length * 10, height: 20 });

describe('placeWithKey', () => {
  it('keeps names that fit at their anchors and keys none', () => {
    const r = placeWithKey(
      [label('a', 100, 100), label('b', 300, 100), label('c', 100, 300)],
      { width: 600, height: 600, margin: 2 },
      numberSize,
    );
    expect(r.names.map((p) => p.id).sort()).toEqual(['a', 'b', 'c']);
    expect(r.names.every((p) => !p.leader)).toBe(true);
    expect(r.key).toEqual([]);
  });

  it('numbers a dense core north to south, names in the key, nothing on top of anything', () => {
    // A big rural commune and twelve small wards whose anchors lie within 12 px of each other.
    const core = Array.from({ length: 12 }, (_, i) =>
      label(`w${String(i)}`, 300 + (i % 4) * 4, 300 + Math.floor(i / 4) * 4 - (i % 3)),
    );
    const requests = [label('rural', 300, 300, 120, 1000), ...core];
    const r = placeWithKey(requests, { width: 600, height: 600, margin: 2 }, numberSize);
    expect(r.names.map((p) => p.id)).toContain('rural');
    expect(r.key.length).toBeGreaterThan(0);
    // Every ward is named on the map or numbered with its name in the key, never both.
    const named = new Set(r.names.map((p) => p.id));
    const keyed = new Set(r.key.map((k) => k.code));
    for (const q of requests) expect(named.has(q.id) !== keyed.has(q.id), q.id).toBe(true);
    expect(r.numbers.map((p) => p.id).sort()).toEqual([...keyed].sort());
    // 1, 2, 3… from north to south.
    const y = new Map(requests.map((q) => [q.id, q.y]));
    expect(r.key.map((k) => k.n)).toEqual(r.key.map((_, i) => i + 1));
    const ys = r.key.map((k) => y.get(k.code) ?? 0);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // Leaders, where any, are short: at most 1.5 label heights from the anchor.
    for (const p of r.names.filter((n) => n.leader))
      expect(Math.hypot(p.x - p.anchorX, p.y - p.anchorY)).toBeLessThan(
        p.width / 2 + p.height / 2 + 1.5 * p.height + p.height,
      );
    const all = [...r.names, ...r.numbers];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        expect(overlaps(boxOf(all[i]!), boxOf(all[j]!)), `${all[i]!.id}×${all[j]!.id}`).toBe(false);
  });

  it('keys no more wards than the key has rows, the smallest left unnamed', () => {
    const core = Array.from({ length: 12 }, (_, i) =>
      label(`w${String(i)}`, 300 + (i % 4) * 4, 300 + Math.floor(i / 4) * 4, 80, i),
    );
    const all = placeWithKey(core, { width: 600, height: 600, margin: 2 }, numberSize);
    const capped = placeWithKey(core, { width: 600, height: 600, margin: 2 }, numberSize, 3);
    expect(capped.key).toHaveLength(3);
    expect(capped.unnamed).toHaveLength(all.key.length - 3);
    // The largest (highest priority) of the crowd keep their numbers.
    const keyed = capped.key.map((k) => Number(k.code.slice(1)));
    for (const u of capped.unnamed) expect(Number(u.slice(1))).toBeLessThan(Math.min(...keyed));
  });

  it('keys only wards whose number could be drawn, numbered without gaps', () => {
    // A map hardly larger than one label: the crowd's numbers cannot all find room.
    const crowd = Array.from({ length: 8 }, (_, i) => label(`w${String(i)}`, 50, 20 + i, 80));
    const r = placeWithKey(crowd, { width: 100, height: 60, margin: 2 }, numberSize);
    const drawn = new Set(r.numbers.map((p) => p.id));
    expect(r.key.map((k) => k.code).every((c) => drawn.has(c))).toBe(true);
    expect(r.key.map((k) => k.n)).toEqual(r.key.map((_, i) => i + 1));
    expect(r.unnamed.length + r.key.length + r.names.length).toBe(crowd.length);
  });

  it('keeps names and numbers off the key and other furniture', () => {
    const keyBox: [number, number, number, number] = [0, 0, 400, 400];
    const r = placeWithKey(
      [label('under', 100, 100), label('free', 600, 600)],
      { width: 800, height: 800, margin: 2, obstacles: [keyBox] },
      numberSize,
    );
    expect(r.names.map((p) => p.id)).toEqual(['free']);
    expect(r.key.map((k) => k.code)).toEqual(['under']);
    const n = r.numbers.find((p) => p.id === 'under');
    expect(n && overlaps(boxOf(n), keyBox)).toBe(false);
  });
});

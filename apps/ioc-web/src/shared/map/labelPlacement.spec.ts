import { describe, expect, it } from 'vitest';
import { boxOf, leaderEnd, overlaps, placeLabels, type LabelRequest } from './labelPlacement';

function req(id: string, x: number, y: number, priority = 1, width = 60): LabelRequest {
  return { id, x, y, width, height: 14, priority };
}

describe('placeLabels', () => {
  it('keeps uncrowded labels on their anchors', () => {
    const { placed, unplaced } = placeLabels([req('a', 100, 100), req('b', 300, 300)], {
      width: 800,
      height: 600,
      margin: 2,
    });
    expect(unplaced).toEqual([]);
    expect(placed.every((p) => !p.leader && p.x === p.anchorX && p.y === p.anchorY)).toBe(true);
  });

  it('places every label of a dense cluster without overlap, moving losers out with leaders', () => {
    // Twenty wards whose anchors fall within 40 px, like a city core at province scale.
    const cluster = Array.from({ length: 20 }, (_, i) =>
      req(`w${i}`, 400 + (i % 5) * 8, 300 + Math.floor(i / 5) * 8, i),
    );
    const big = req('rural', 200, 300, 1000, 80);
    const { placed, unplaced } = placeLabels([...cluster, big], {
      width: 800,
      height: 600,
      margin: 2,
    });
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(21);
    const boxes = placed.map(boxOf);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i]!, boxes[j]!), `${placed[i]!.id} × ${placed[j]!.id}`).toBe(false);
    expect(placed.find((p) => p.id === 'rural')?.leader).toBe(false);
    expect(placed.filter((p) => p.leader).length).toBeGreaterThanOrEqual(15);
    for (const b of boxes) expect(b[0] >= 0 && b[1] >= 0 && b[2] <= 800 && b[3] <= 600).toBe(true);
  });

  it('keeps labels off obstacles (the inset) and reports what cannot fit', () => {
    const { placed } = placeLabels([req('a', 700, 500)], {
      width: 800,
      height: 600,
      margin: 2,
      obstacles: [[600, 400, 800, 600]],
    });
    expect(overlaps(boxOf(placed[0]!), [600, 400, 800, 600])).toBe(false);
    const tiny = placeLabels([req('a', 35, 10), req('b', 36, 10)], {
      width: 70,
      height: 20,
      margin: 0,
    });
    expect(tiny.unplaced).toEqual(['b']);
  });

  it('is deterministic', () => {
    const input = Array.from({ length: 12 }, (_, i) => req(`u${i}`, 100 + i * 3, 100 + i * 2, 5));
    const a = placeLabels(input, { width: 500, height: 400, margin: 2 });
    const b = placeLabels([...input].reverse(), { width: 500, height: 400, margin: 2 });
    const key = (r: typeof a) =>
      r.placed
        .map((p) => `${p.id}:${p.x.toFixed(1)},${p.y.toFixed(1)}`)
        .sort()
        .join(' ');
    expect(key(a)).toBe(key(b));
  });
});

describe('leaderEnd', () => {
  it('ends on the edge of the label box facing the anchor', () => {
    const [x, y] = leaderEnd(
      { id: 'a', x: 100, y: 100, width: 40, height: 10, anchorX: 200, anchorY: 100, leader: true },
      0,
    );
    expect(x).toBeCloseTo(120);
    expect(y).toBeCloseTo(100);
  });
});

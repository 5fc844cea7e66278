import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { multiPolygonBBox, type BBox } from './planar';
import {
  SimplifiedUnits,
  ZOOM_BANDS,
  bandForZoom,
  computeNeighbours,
  type UnitsTopology,
  type ZoomBand,
} from './simplify';
import { realWards } from './testing/shared-data';
import type { ImportedUnit } from './types';

/** Offset (degrees, ≈ 2 m) of the probes placed either side of each shared border segment. */
const PROBE_OFFSET_DEG = 2e-5;
/**
 * Stated tolerance: at most this share of border probes may land on the wrong side. A probe
 * can only miss where a border turns sharper than the offset, never because of a gap or an
 * overlap between neighbours, which would show as a run of misses along one border.
 */
const MAX_PROBE_MISS_RATE = 0.002;
/** Probes per shared border, spread evenly along it (keeps the high band affordable). */
const PROBES_PER_BORDER = 40;

const key = (p: Position): string => `${p[0]},${p[1]}`;
const segKey = (a: Position, b: Position): string => {
  const [x, y] = [key(a), key(b)];
  return x < y ? `${x}|${y}` : `${y}|${x}`;
};

/** For each pair of units sharing arcs ("a|b", a < b), the decoded shared border lines. */
function sharedBorders(topo: UnitsTopology): Map<string, Position[][]> {
  const users = new Map<number, Set<string>>();
  for (const g of topo.objects.units.geometries) {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    for (const ring of polygons.flat()) {
      for (const a of ring) {
        const arc = a < 0 ? ~a : a;
        const set = users.get(arc) ?? new Set<string>();
        set.add(String(g.id));
        users.set(arc, set);
      }
    }
  }
  const arcsByPair = new Map<string, number[]>();
  for (const [arc, set] of users) {
    if (set.size !== 2) continue;
    const pair = [...set].sort().join('|');
    arcsByPair.set(pair, [...(arcsByPair.get(pair) ?? []), arc]);
  }
  const out = new Map<string, Position[][]>();
  for (const [pair, arcs] of arcsByPair) {
    const lines = feature(topo, { type: 'MultiLineString', arcs: arcs.map((a) => [a]) }).geometry;
    out.set(pair, lines.coordinates);
  }
  return out;
}

function segments(mp: MultiPolygon): Set<string> {
  const out = new Set<string>();
  for (const poly of mp.coordinates) {
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) out.add(segKey(ring[i - 1]!, ring[i]!));
  }
  return out;
}

describe('SimplifiedUnits on the real Đà Nẵng wards', { timeout: 120_000 }, () => {
  let units: ImportedUnit[] = [];
  let simplified: SimplifiedUnits;
  let neighbours: Map<string, string[]>;
  const collections = new Map<ZoomBand, ReturnType<SimplifiedUnits['featureCollection']>>();
  const collection = (band: ZoomBand) => {
    let fc = collections.get(band);
    if (!fc) {
      fc = simplified.featureCollection(band);
      collections.set(band, fc);
    }
    return fc;
  };
  beforeAll(async () => {
    units = await realWards('48_da_nang');
    simplified = SimplifiedUnits.build(units);
    neighbours = simplified.neighbours();
  }, 120_000);

  it('simplifies harder at coarser bands and stays compact', () => {
    const counts = ZOOM_BANDS.map((b) => simplified.vertexCount(b.band));
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    expect(counts[2]).toBeLessThan(171_050); // the source vertex count
    expect(JSON.stringify(simplified.topology('low')).length).toBeLessThan(150_000);
  });

  it('finds neighbours from shared arcs, symmetrically', () => {
    expect(neighbours.get('20333')).toEqual([]); // Hoàng Sa: islands only
    for (const [code, list] of neighbours) {
      for (const other of list) expect(neighbours.get(other), `${code}-${other}`).toContain(code);
    }
    expect(neighbours.get('20314')!.length).toBeGreaterThanOrEqual(3);
    expect(computeNeighbours(units).get('20314')).toEqual(neighbours.get('20314'));
  });

  describe.each(ZOOM_BANDS.map((b) => b.band))('band %s', (band: ZoomBand) => {
    it('keeps every unit with valid rings, including every Hoàng Sa island', () => {
      const fc = collection(band);
      expect(fc.features.map((f) => f.properties.code).sort()).toEqual(
        units.map((u) => u.code).sort(),
      );
      for (const f of fc.features) {
        expect(f.geometry.coordinates.length, f.properties.code).toBeGreaterThan(0);
        for (const ring of f.geometry.coordinates.flat()) {
          expect(new Set(ring.map(key)).size, f.properties.code).toBeGreaterThanOrEqual(3);
          expect(key(ring[0]!)).toBe(key(ring.at(-1)!));
        }
      }
      expect(simplified.geometry(band, '20333')!.coordinates).toHaveLength(46);
    });

    it('gives neighbours bit-identical shared borders', () => {
      const borders = sharedBorders(simplified.topology(band));
      const segs = new Map(
        collection(band).features.map((f) => [f.properties.code, segments(f.geometry)]),
      );
      let checked = 0;
      const faults: string[] = [];
      for (const [a, list] of neighbours) {
        for (const b of list) {
          if (b < a) continue;
          const lines = borders.get(`${a}|${b}`) ?? [];
          if (lines.length === 0) faults.push(`${a}-${b}: border lost`);
          for (const line of lines) {
            for (let i = 1; i < line.length; i++) {
              const s = segKey(line[i - 1]!, line[i]!);
              if (!segs.get(a)!.has(s) || !segs.get(b)!.has(s)) faults.push(`${a}-${b}: ${s}`);
              checked++;
            }
          }
        }
      }
      expect(faults).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });

    it('leaves no gap or overlap either side of shared borders', () => {
      const borders = sharedBorders(simplified.topology(band));
      const fc = collection(band);
      const boxes = fc.features.map((f): [string, BBox, MultiPolygon] => [
        f.properties.code,
        multiPolygonBBox(f.geometry),
        f.geometry,
      ]);
      const containing = (p: [number, number]): string[] =>
        boxes
          .filter(
            ([, b, g]) =>
              p[0] >= b[0] &&
              p[0] <= b[2] &&
              p[1] >= b[1] &&
              p[1] <= b[3] &&
              booleanPointInPolygon(p, g),
          )
          .map(([code]) => code);
      let probes = 0;
      const misses: string[] = [];
      for (const [a, list] of neighbours) {
        for (const b of list) {
          if (b < a) continue;
          const lines = borders.get(`${a}|${b}`) ?? [];
          const total = lines.reduce((n, line) => n + line.length - 1, 0);
          const step = Math.max(1, Math.floor(total / PROBES_PER_BORDER));
          for (const line of lines) {
            for (let i = 1; i < line.length; i += step) {
              const [x0, y0] = line[i - 1] as [number, number];
              const [x1, y1] = line[i] as [number, number];
              const len = Math.hypot(x1 - x0, y1 - y0);
              if (len < 4 * PROBE_OFFSET_DEG) continue;
              const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
              const [nx, ny] = [
                (-(y1 - y0) / len) * PROBE_OFFSET_DEG,
                ((x1 - x0) / len) * PROBE_OFFSET_DEG,
              ];
              const left = containing([mx + nx, my + ny]);
              const right = containing([mx - nx, my - ny]);
              probes++;
              const ok =
                left.length === 1 &&
                right.length === 1 &&
                new Set([...left, ...right]).size === 2 &&
                [a, b].includes(left[0]!) &&
                [a, b].includes(right[0]!);
              if (!ok)
                misses.push(`${a}-${b} @${mx},${my}: ${left.join('+')} | ${right.join('+')}`);
            }
          }
        }
      }
      expect(probes).toBeGreaterThan(100);
      expect(misses.length / probes, misses.slice(0, 5).join('\n')).toBeLessThanOrEqual(
        MAX_PROBE_MISS_RATE,
      );
    });

    it('covers the simplified outline exactly once on a sample grid', () => {
      const fc = collection(band);
      const outline = simplified.outline(band, '48');
      const boxes = fc.features.map((f) => [multiPolygonBBox(f.geometry), f.geometry] as const);
      const n = 80;
      let inside = 0;
      let overlaps = 0;
      let gaps = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          // The mainland and Cù Lao Chàm; Hoàng Sa is islands only and has no neighbours.
          const p: [number, number] = [107.2 + ((i + 0.5) / n) * 1.6, 14.9 + ((j + 0.5) / n) * 1.4];
          const count = boxes.filter(
            ([b, g]) =>
              p[0] >= b[0] &&
              p[0] <= b[2] &&
              p[1] >= b[1] &&
              p[1] <= b[3] &&
              booleanPointInPolygon(p, g),
          ).length;
          if (count > 1) overlaps++;
          if (booleanPointInPolygon(p, outline)) {
            inside++;
            if (count === 0) gaps++;
          }
        }
      }
      expect(inside).toBeGreaterThan(1500);
      expect({ overlaps, gaps }).toEqual({ overlaps: 0, gaps: 0 });
    });
  });
});

describe('bandForZoom', () => {
  it('maps map zooms to bands', () => {
    expect([5, 8, 9, 11, 12, 18].map(bandForZoom)).toEqual([
      'low',
      'low',
      'mid',
      'mid',
      'high',
      'high',
    ]);
  });
});

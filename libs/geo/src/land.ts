import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bboxClip from '@turf/bbox-clip';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

/**
 * Mainland Việt Nam with the East Sea out to Hoàng Sa and Trường Sa: every province's wall
 * fits inside, so one cached layer serves them all.
 */
export const VIETNAM_REGION_BBOX: BBox = [100, 4, 120, 24.5];

/** ~11 m: below what a 4K wall shows of a province, and it halves the payload. */
const ROUND = 1e4;

const round = (ring: Position[]): Position[] =>
  ring.map(([x = 0, y = 0]) => [Math.round(x * ROUND) / ROUND, Math.round(y * ROUND) / ROUND]);

function overlaps(ring: readonly Position[], [w, s, e, n]: BBox): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = 0, y = 0] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return maxX >= w && minX <= e && maxY >= s && minY <= n;
}

/**
 * Land polygons clipped to a box, for the offline basemap's coastline and water. The source is
 * Natural Earth 1:10m land (public domain) as redistributed by the `world-atlas` npm package, so
 * an air-gapped wall still sees where the sea is without any tile server.
 */
export function landWithin(
  bbox: BBox,
  topology: Topology = loadNaturalEarthLand(),
): FeatureCollection<MultiPolygon> {
  const land = feature(topology, topology.objects['land'] as GeometryCollection);
  const polygons: Position[][][] = [];
  for (const f of land.features) {
    const g = f.geometry;
    const parts =
      g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
    for (const rings of parts) {
      const outer = rings[0];
      if (!outer || !overlaps(outer, bbox)) continue;
      const input: Feature<Polygon> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: rings },
      };
      // Clipping a Polygon yields a Polygon (its rings may come back empty).
      const clipped = bboxClip(input, [...bbox]).geometry as Polygon;
      const [shell, ...holes] = clipped.coordinates;
      if (!shell || shell.length < 4) continue;
      polygons.push([shell, ...holes.filter((ring) => ring.length >= 4)].map(round));
    }
  }
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { source: 'Natural Earth 1:10m land (public domain), via world-atlas' },
        geometry: { type: 'MultiPolygon', coordinates: polygons },
      },
    ],
  };
}

let cached: Topology | null = null;

export function loadNaturalEarthLand(): Topology {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve('world-atlas/land-10m.json');
    cached = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  }
  return cached;
}

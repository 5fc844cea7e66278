import type { UnitLevel } from '@ioc/contracts';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, merge, mesh, neighbors, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { localProjection, METRES_PER_DEGREE } from './planar';
import type { UnitGeometry } from './types';

export type ZoomBand = 'low' | 'mid' | 'high';

export interface BandSpec {
  band: ZoomBand;
  minZoom: number;
  maxZoom: number;
  /**
   * Visvalingam threshold as a length: vertices whose effective triangle area is below
   * toleranceM² are dropped. About half a screen pixel at the band's deepest zoom at 16°N
   * (z8 ≈ 590 m/px, z11 ≈ 73 m/px, z15 ≈ 9 m/px).
   */
  toleranceM: number;
}

export const ZOOM_BANDS: readonly BandSpec[] = [
  { band: 'low', minZoom: 0, maxZoom: 8, toleranceM: 250 },
  { band: 'mid', minZoom: 9, maxZoom: 11, toleranceM: 35 },
  { band: 'high', minZoom: 12, maxZoom: 24, toleranceM: 4 },
];

/** Output coordinates are snapped to a grid of toleranceM / GRID_DIVISOR: finer than any change
 * the simplification itself makes, so quantisation adds no visible error. */
const GRID_DIVISOR = 4;
/** Snapping before arc detection absorbs float noise in vertices neighbours share (≈ 1 cm). */
const INPUT_QUANTIZATION = 1e8;
/** Every ring keeps at least this many distinct vertices at every band (a triangle). */
const MIN_RING_VERTICES = 3;

export function bandForZoom(zoom: number): ZoomBand {
  for (const b of ZOOM_BANDS) if (zoom <= b.maxZoom) return b.band;
  return 'high';
}

export interface SimplifyInput extends UnitGeometry {
  name?: string;
  parentCode?: string | null;
}

export interface UnitProperties {
  code: string;
  name: string | null;
  level: UnitLevel;
  parentCode: string | null;
}

export type UnitsTopology = Topology<{ units: GeometryCollection<UnitProperties> }>;

type UnitShape = TopoPolygon<UnitProperties> | TopoMultiPolygon<UnitProperties>;

function shapeFeature(
  topo: UnitsTopology,
  g: UnitShape,
): Feature<Polygon | MultiPolygon, UnitProperties> {
  return feature(topo, g) as Feature<Polygon | MultiPolygon, UnitProperties>;
}

function shapes(topo: UnitsTopology): UnitShape[] {
  // Every geometry here came from a (Multi)Polygon feature; topojson types them as any geometry.
  return topo.objects.units.geometries as UnitShape[];
}

type Arc = number[][];

/**
 * Topology-aware simplification of a set of units. The units are turned into one TopoJSON
 * topology, so a border two wards share is stored once as an arc and simplified once: both sides
 * keep exactly the same vertices and no gap or sliver can open between neighbours at any zoom.
 * Each ring keeps at least a triangle at every band, so small islands (Hoàng Sa's reefs, Cù Lao
 * Chàm) never vanish from the map.
 */
export class SimplifiedUnits {
  private readonly byBand = new Map<ZoomBand, UnitsTopology>();
  private readonly base: UnitsTopology;

  private constructor(units: readonly SimplifyInput[], bands: readonly BandSpec[]) {
    const collection: FeatureCollection<MultiPolygon, UnitProperties> = {
      type: 'FeatureCollection',
      features: units.map((u) => ({
        type: 'Feature',
        id: u.code,
        properties: {
          code: u.code,
          name: u.name ?? null,
          level: u.level,
          parentCode: u.parentCode ?? null,
        },
        geometry: u.geometry,
      })),
    };
    this.base = topology({ units: collection }, INPUT_QUANTIZATION) as UnitsTopology;
    if (units.length === 0) {
      for (const b of bands) this.byBand.set(b.band, this.base);
      return;
    }
    const bbox = this.base.bbox ?? [0, 0, 0, 0];
    const proj = localProjection((bbox[1] + bbox[3]) / 2);
    const weighted = presimplify<UnitsTopology['objects']>(this.base, (t) =>
      triangleAreaM2(t, proj.kx, proj.ky),
    );
    const coarsest = Math.max(...bands.map((b) => b.toleranceM));
    keepMinimumRings(weighted, coarsest * coarsest);
    const spanM = Math.max((bbox[2] - bbox[0]) * proj.kx, (bbox[3] - bbox[1]) * METRES_PER_DEGREE);
    for (const b of bands) {
      const simplified = simplify(weighted, b.toleranceM * b.toleranceM);
      const n = Math.min(Math.max(Math.ceil((spanM * GRID_DIVISOR) / b.toleranceM), 1e3), 1e8);
      const q = quantize<UnitsTopology['objects']>(simplified, n);
      this.byBand.set(b.band, dropCollapsedIslands(q));
    }
  }

  static build(
    units: readonly SimplifyInput[],
    bands: readonly BandSpec[] = ZOOM_BANDS,
  ): SimplifiedUnits {
    return new SimplifiedUnits(units, bands);
  }

  /** The quantised TopoJSON of a band, object `units`, one geometry per unit with `id` = code. */
  topology(band: ZoomBand): UnitsTopology {
    const t = this.byBand.get(band);
    if (!t) throw new RangeError(`no zoom band ${band}`);
    return t;
  }

  /** One unit's simplified boundary, or null when the unit is not in the set. */
  geometry(band: ZoomBand, code: string): MultiPolygon | null {
    const topo = this.topology(band);
    const g = shapes(topo).find((x) => x.id === code);
    return g ? asMultiPolygon(shapeFeature(topo, g).geometry) : null;
  }

  featureCollection(band: ZoomBand): FeatureCollection<MultiPolygon, UnitProperties> {
    const topo = this.topology(band);
    return {
      type: 'FeatureCollection',
      features: shapes(topo).map((g): Feature<MultiPolygon, UnitProperties> => {
        const f = shapeFeature(topo, g);
        return {
          type: 'Feature',
          id: g.id,
          properties: f.properties,
          geometry: asMultiPolygon(f.geometry),
        };
      }),
    };
  }

  /**
   * Border lines, each drawn once: `interior` between two units, `exterior` along the outer edge
   * (coast, province boundary). Drawing borders from here avoids doubled strokes on shared edges.
   */
  borders(band: ZoomBand, kind: 'interior' | 'exterior' | 'all' = 'all'): MultiLineString {
    const topo = this.topology(band);
    const filter =
      kind === 'all'
        ? undefined
        : kind === 'interior'
          ? (a: unknown, b: unknown) => a !== b
          : (a: unknown, b: unknown) => a === b;
    return mesh(topo, topo.objects.units, filter);
  }

  /** The union of the units (optionally of one parent's units): a province outline that fits its wards. */
  outline(band: ZoomBand, parentCode?: string): MultiPolygon {
    const topo = this.topology(band);
    const parts = shapes(topo).filter(
      (g) => parentCode === undefined || g.properties?.parentCode === parentCode,
    );
    return merge(topo, parts);
  }

  /** Units sharing at least one border arc, by code (from the unsimplified topology). */
  neighbours(): Map<string, string[]> {
    const geoms = this.base.objects.units.geometries;
    const out = new Map<string, string[]>();
    neighbors(geoms).forEach((list, i) => {
      const code = String(geoms[i]?.id);
      out.set(code, list.map((j) => String(geoms[j]?.id)).sort());
    });
    return out;
  }

  /** Total vertices stored for a band (arcs are shared, so each border counts once). */
  vertexCount(band: ZoomBand): number {
    return this.topology(band).arcs.reduce((s, a) => s + a.length, 0);
  }
}

export function simplifyUnits(
  units: readonly SimplifyInput[],
  bands?: readonly BandSpec[],
): SimplifiedUnits {
  return SimplifiedUnits.build(units, bands);
}

/** Units sharing a border, from exact shared arcs; no simplification is computed. */
export function computeNeighbours(units: readonly UnitGeometry[]): Map<string, string[]> {
  const collection: FeatureCollection<MultiPolygon> = {
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature',
      id: u.code,
      properties: {},
      geometry: u.geometry,
    })),
  };
  const topo = topology({ units: collection }, INPUT_QUANTIZATION) as Topology<{
    units: GeometryCollection;
  }>;
  const geoms = topo.objects.units.geometries;
  const out = new Map<string, string[]>();
  neighbors(geoms).forEach((list, i) => {
    out.set(String(geoms[i]?.id), list.map((j) => String(geoms[j]?.id)).sort());
  });
  return out;
}

/**
 * The union of units sharing exact borders (a province outline from its wards): shared arcs are
 * dropped, so the result follows the units' own edges with no sliver along internal borders.
 */
export function mergeUnits(units: readonly { geometry: MultiPolygon | null }[]): MultiPolygon {
  const features = units.flatMap((u) =>
    u.geometry ? [{ type: 'Feature' as const, properties: {}, geometry: u.geometry }] : [],
  );
  if (features.length === 0) return { type: 'MultiPolygon', coordinates: [] };
  const collection: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features };
  const topo = topology({ units: collection }) as Topology<{ units: GeometryCollection }>;
  return merge(topo, topo.objects.units.geometries as (TopoPolygon | TopoMultiPolygon)[]);
}

function triangleAreaM2(t: number[][], kx: number, ky: number): number {
  const [a, b, c] = t as [number[], number[], number[]];
  const ax = a[0] ?? 0;
  const ay = a[1] ?? 0;
  return (
    Math.abs(((b[0] ?? 0) - ax) * ((c[1] ?? 0) - ay) - ((c[0] ?? 0) - ax) * ((b[1] ?? 0) - ay)) *
    0.5 *
    kx *
    ky
  );
}

function ringsOf(g: GeometryObject): number[][][] {
  if (g.type === 'Polygon') return [g.arcs];
  if (g.type === 'MultiPolygon') return g.arcs;
  return [];
}

/**
 * Visvalingam keeps only arc endpoints once every inner vertex is below the threshold, so an
 * island drawn as one closed arc would shrink to a single point. Promote the most significant
 * vertices of such rings to "always keep" (weight ∞) so each ring stays a triangle or more.
 */
function keepMinimumRings(topo: UnitsTopology, minWeight: number): void {
  const arcs = topo.arcs as Arc[];
  for (const g of topo.objects.units.geometries) {
    for (const polygon of ringsOf(g)) {
      for (const ring of polygon) {
        const arcIds = ring.map((a) => (a < 0 ? ~a : a));
        const kept = arcIds.reduce(
          (s, a) => s + (arcs[a] ?? []).filter((p) => (p[2] ?? 0) >= minWeight).length - 1,
          0,
        );
        let missing = MIN_RING_VERTICES - kept;
        if (missing <= 0) continue;
        const inner = arcIds
          .flatMap((a) => (arcs[a] ?? []).slice(1, -1))
          .filter((p) => (p[2] ?? 0) < minWeight)
          .sort((p, q) => (q[2] ?? 0) - (p[2] ?? 0));
        for (const p of inner) {
          if (missing-- <= 0) break;
          p[2] = Infinity;
        }
      }
    }
  }
}

/**
 * After snapping to the output grid, an islet smaller than a grid cell can collapse to a line.
 * Such a part is dropped only if it shares no border with another unit (so no neighbour is left
 * with a gap) and is not the unit's largest part (so every unit stays on the map).
 */
function dropCollapsedIslands(topo: UnitsTopology): UnitsTopology {
  const arcs = topo.arcs.map(decodeArc);
  const uses = new Map<number, number>();
  for (const g of topo.objects.units.geometries) {
    for (const polygon of ringsOf(g)) {
      for (const ring of polygon)
        for (const a of ring) uses.set(a < 0 ? ~a : a, (uses.get(a < 0 ? ~a : a) ?? 0) + 1);
    }
  }
  const distinct = (ring: number[]): number => {
    const keys = new Set<string>();
    for (const a of ring) for (const p of arcs[a < 0 ? ~a : a] ?? []) keys.add(`${p[0]},${p[1]}`);
    return keys.size;
  };
  const geometries = topo.objects.units.geometries.map((g) => {
    if (g.type !== 'MultiPolygon' || g.arcs.length < 2) return g;
    const sizes = g.arcs.map((polygon) => distinct(polygon[0] ?? []));
    const largest = sizes.indexOf(Math.max(...sizes));
    const keep = g.arcs.filter(
      (polygon, i) =>
        i === largest ||
        (sizes[i] ?? 0) >= MIN_RING_VERTICES ||
        polygon.some((ring) => ring.some((a) => (uses.get(a < 0 ? ~a : a) ?? 0) > 1)),
    );
    return keep.length === g.arcs.length ? g : { ...g, arcs: keep };
  });
  return { ...topo, objects: { units: { ...topo.objects.units, geometries } } };
}

function decodeArc(arc: number[][]): number[][] {
  let x = 0;
  let y = 0;
  return arc.map((p) => [(x += p[0] ?? 0), (y += p[1] ?? 0)]);
}

function asMultiPolygon(g: Polygon | MultiPolygon | null | undefined): MultiPolygon {
  if (!g) return { type: 'MultiPolygon', coordinates: [] };
  return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}

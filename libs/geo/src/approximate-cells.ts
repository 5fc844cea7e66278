import type { UnitSummary } from '@ioc/contracts';
import { Delaunay } from 'd3-delaunay';
import { clipConvex, regularPolygon, signedArea2 } from './convex-clip';
import { localProjection } from './planar';
import type { UnitRecord } from './types';

type XY = [number, number];

export interface ApproximateCellOptions {
  /**
   * Cap radius as a multiple of √(area): a cell never reaches further from its label point
   * than this, so a unit with no near neighbour (an offshore special zone) gets a compact cell
   * instead of every square kilometre of sea up to the clip box.
   */
  capFactor?: number;
  /** Cap radius (km) for a unit whose area is unknown. */
  defaultCapKm?: number;
  /** Vertices of the cap polygon. */
  capSides?: number;
}

/**
 * Builds stand-in boundaries from label points when no official boundaries are loaded: Voronoi
 * cells (in a local metric projection, so cells are not stretched east-west) clipped to the
 * padded box of the points and capped to a disc of radius capFactor·√area around each point.
 * Cells do not overlap, each contains its own label point, and each is flagged approximate so
 * the UI can say so.
 */
export function buildApproximateCells(
  units: readonly UnitSummary[],
  options: ApproximateCellOptions = {},
): UnitRecord[] {
  const capFactor = options.capFactor ?? 1;
  const defaultCapKm = options.defaultCapKm ?? 5;
  const sides = options.capSides ?? 32;
  const missing = units.filter((u) => u.label === null).map((u) => u.code);
  if (missing.length > 0) {
    throw new RangeError(
      `approximate cells need a label point for every unit; missing: ${missing.join(', ')}`,
    );
  }
  if (units.length === 0) return [];
  const labels = units.map((u) => u.label as [number, number]);
  const proj = localProjection(labels.reduce((s, l) => s + l[1], 0) / labels.length);
  const sites = labels.map((l): XY => [proj.x(l[0]), proj.y(l[1])]);
  const caps = units.map(
    (u) =>
      1000 *
      (u.areaKm2 !== null && u.areaKm2 > 0 ? capFactor * Math.sqrt(u.areaKm2) : defaultCapKm),
  );

  const pad = Math.max(...caps);
  const xs = sites.map((s) => s[0]);
  const ys = sites.map((s) => s[1]);
  const bounds: [number, number, number, number] = [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
  const voronoi = Delaunay.from(sites).voronoi(bounds);

  return units.map((u, i) => {
    const site = sites[i] as XY;
    const cap = regularPolygon(site[0], site[1], caps[i] as number, sides);
    // d3 returns null for a site that coincides with an earlier one; such a unit keeps its cap.
    const raw = voronoi.cellPolygon(i) as XY[] | null;
    let cell: XY[] = raw ? raw.slice(0, -1) : cap;
    if (signedArea2(cell) < 0) cell.reverse();
    cell = clipConvex(cell, cap);
    const ring = cell.map((p): [number, number] => [round(proj.lon(p[0])), round(proj.lat(p[1]))]);
    const first = ring[0];
    if (first) ring.push([first[0], first[1]]);
    return {
      ...u,
      geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
      approximate: true,
    };
  });
}

/** 1e-7° ≈ 1 cm: keeps stored cells compact without moving shared edges apart. */
function round(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

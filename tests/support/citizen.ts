import { randomBytes } from 'node:crypto';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import sharp from 'sharp';
import { testEnv } from './env';
import { boundaryPath, readBoundary } from './geo-fixtures';

/** The ward file the citizen suites start the platform with (IOC_BOUNDARIES). */
export const DA_NANG_WARDS = boundaryPath('48_da_nang.wards.geojson');

type Ring = [number, number][];
interface WardFeature {
  properties: { code: string; name: string };
  geometry:
    { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export interface WardPoint {
  code: string;
  name: string;
  lat: number;
  lon: number;
  feature: WardFeature;
}

/** A small seeded PRNG (mulberry32): a failing run prints its seed and can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed from the environment (CITIZEN_SEED) or fresh; the suite prints it. */
export function testSeed(): number {
  const fixed = Number(testEnv.citizenSeed);
  return Number.isInteger(fixed) && fixed > 0 ? fixed : randomBytes(4).readUInt32BE(0);
}

let cached: WardFeature[] | undefined;
function wards(): WardFeature[] {
  cached ??= (readBoundary('48_da_nang.wards.geojson') as { features: WardFeature[] }).features;
  return cached;
}

/**
 * A point on the surface of a polygon: on the horizontal line through the middle of the largest
 * part, the middle of the widest stretch inside it (odd-even crossings), so it is well inside,
 * not near an edge, whatever the shape.
 */
export function pointOnSurface(feature: WardFeature): { lat: number; lon: number } {
  const parts =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates]
      : feature.geometry.coordinates;
  const outer = (p: Ring[]) => p[0] ?? [];
  const bbox = (r: Ring) => {
    const ys = r.map((c) => c[1]);
    const xs = r.map((c) => c[0]);
    return { minY: Math.min(...ys), maxY: Math.max(...ys), w: Math.max(...xs) - Math.min(...xs) };
  };
  const part = [...parts].sort((a, b) => {
    const ba = bbox(outer(a));
    const bb = bbox(outer(b));
    return bb.w * (bb.maxY - bb.minY) - ba.w * (ba.maxY - ba.minY);
  })[0] as Ring[];
  const { minY, maxY } = bbox(outer(part));
  let best: { lon: number; lat: number; width: number } | null = null;
  for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * f;
    const xs: number[] = [];
    for (const ring of part) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[i + 1] as [number, number];
        if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = (xs[i + 1] as number) - (xs[i] as number);
      if (!best || width > best.width) {
        best = { lon: ((xs[i] as number) + (xs[i + 1] as number)) / 2, lat: y, width };
      }
    }
  }
  if (!best) throw new Error(`no interior point for ward ${feature.properties.code}`);
  return { lat: best.lat, lon: best.lon };
}

/** A random ward of Đà Nẵng (seeded) and a point well inside it. */
export function randomWardPoint(random: () => number): WardPoint {
  const all = wards();
  for (;;) {
    const feature = all[Math.floor(random() * all.length)] as WardFeature;
    const p = pointOnSurface(feature);
    // Islands and slivers can defeat the scan line: draw again rather than test near an edge.
    const around = [
      [20, 0],
      [0, 20],
      [-20, 0],
      [0, -20],
      [12, 16],
    ].map(([n, e]) => offsetMetres(p, n ?? 0, e ?? 0));
    if (inside(feature, p) && around.every((q) => inside(feature, q))) {
      return { code: feature.properties.code, name: feature.properties.name, ...p, feature };
    }
  }
}

export function inside(feature: WardFeature, p: { lat: number; lon: number }): boolean {
  return booleanPointInPolygon([p.lon, p.lat], feature.geometry);
}

/** The ward (of the file) a point falls in, or null. */
export function wardAt(p: { lat: number; lon: number }): string | null {
  return wards().find((f) => inside(f, p))?.properties.code ?? null;
}

/** A point `north` and `east` metres away (small distances: a flat Earth is exact enough). */
export function offsetMetres(
  p: { lat: number; lon: number },
  north: number,
  east: number,
): { lat: number; lon: number } {
  const dLat = north / 111_320;
  const dLon = east / (111_320 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

function rational(deg: number): string {
  const d = Math.floor(deg);
  const mFloat = (deg - d) * 60;
  const m = Math.floor(mFloat);
  const s = Math.round((mFloat - m) * 60 * 100);
  return `${String(d)}/1 ${String(m)}/1 ${String(s)}/100`;
}

/** A JPEG as a phone takes it: EXIF with the camera and the GPS position (IFD3). */
export async function jpegWithGps(p: { lat: number; lon: number }): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: '#3a7' } })
    .withExif({
      IFD0: { Make: 'IOC Test Camera', Model: 'T-1' },
      IFD3: {
        GPSLatitudeRef: p.lat >= 0 ? 'N' : 'S',
        GPSLatitude: rational(Math.abs(p.lat)),
        GPSLongitudeRef: p.lon >= 0 ? 'E' : 'W',
        GPSLongitude: rational(Math.abs(p.lon)),
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** True when the JPEG carries an EXIF block with a GPS IFD pointer (tag 0x8825). */
export async function hasGpsExif(jpeg: Buffer): Promise<boolean> {
  const exif = (await sharp(jpeg).metadata()).exif;
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

/** A multipart/form-data body for fetch: text fields and `photo` files. */
export function citizenForm(
  fields: Record<string, string | number>,
  photos: { name: string; data: Buffer; type: string }[] = [],
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  for (const p of photos)
    form.append('photo', new Blob([new Uint8Array(p.data)], { type: p.type }), p.name);
  return form;
}

/** Every ward of Đà Nẵng with a point well inside it (file order). */
export function allWardPoints(): WardPoint[] {
  return wards().flatMap((feature) => {
    const p = pointOnSurface(feature);
    return inside(feature, p)
      ? [{ code: feature.properties.code, name: feature.properties.name, ...p, feature }]
      : [];
  });
}

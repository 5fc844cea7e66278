/**
 * A street basemap of Phường An Hải (ward 20275, Đà Nẵng) built the way a real one is: Mapbox
 * Vector Tiles cut by @maplibre/geojson-vt and encoded by @maplibre/vt-pbf (MapLibre's own
 * maintained libs), in the Protomaps layers the web's style draws (earth, water, roads), packed
 * by the lib's small test writer (npm has no maintained PMTiles writer). The streets are a synthetic grid over the ward's real bounding box (from
 * the shared boundaries): what the tests check is that streets show, not where they run.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { TileType } from 'pmtiles';
import { writePmtiles, type PmtilesTile } from '@ioc/basemap';

/** Phường An Hải's bounding box in the shared ward boundaries (48_da_nang.wards.geojson). */
export const AN_HAI_BBOX: readonly [number, number, number, number] = [
  108.226433, 16.05106, 108.247897, 16.088931,
];

/** Box of the archive: the ward with a margin, so the framed wall is covered edge to edge. */
export const ARCHIVE_BOUNDS: readonly [number, number, number, number] = [
  108.19, 16.03, 108.29, 16.11,
];

export const MIN_ZOOM = 10;
export const MAX_ZOOM = 15;

function lonToX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function latToY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function box(w: number, s: number, e: number, n: number, props: Record<string, string>): Feature {
  return {
    type: 'Feature',
    properties: props,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

/** A street every 0.002° (≈ 200 m) both ways across the archive's box. */
function streetGrid(): Feature[] {
  const [w, s, e, n] = ARCHIVE_BOUNDS;
  const roads: Feature[] = [];
  const step = 0.002;
  for (let lon = w; lon <= e; lon += step) {
    roads.push({
      type: 'Feature',
      properties: { kind: 'minor_road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [lon, s],
          [lon, n],
        ],
      },
    });
  }
  for (let lat = s; lat <= n; lat += step) {
    roads.push({
      type: 'Feature',
      properties: { kind: 'minor_road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [w, lat],
          [e, lat],
        ],
      },
    });
  }
  return roads;
}

export interface BasemapArchive {
  bytes: Buffer;
  tiles: PmtilesTile[];
}

export function buildAnHaiArchive(): BasemapArchive {
  const [w, s, e, n] = ARCHIVE_BOUNDS;
  const layers = {
    earth: collection([box(w, s, e, n, { kind: 'earth' })]),
    // The Hàn river along the ward's west side (a strip, as the grid is).
    water: collection([box(w, s, 108.224, n, { kind: 'river' })]),
    roads: collection(streetGrid()),
  };
  const indexes = Object.entries(layers).map(
    ([name, fc]) =>
      [name, new GeoJSONVT(fc, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM })] as const,
  );
  const tiles: PmtilesTile[] = [];
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    for (let x = lonToX(w, z); x <= lonToX(e, z); x++) {
      for (let y = latToY(n, z); y <= latToY(s, z); y++) {
        const cut = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const t = index.getTile(z, x, y);
            return t ? [[name, t]] : [];
          }),
        );
        if (Object.keys(cut).length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(cut, { version: 2, extent: 4096 }) });
      }
    }
  }
  const bytes = writePmtiles(tiles, {
    tileType: TileType.Mvt,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    bounds: ARCHIVE_BOUNDS,
    metadata: {
      name: 'test An Hải',
      attribution: '© OpenStreetMap contributors',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: { kind: 'String' } })),
    },
  });
  return { bytes, tiles };
}

import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { useEffect, useState } from 'react';
import { apiGet } from '../api/client';
import { MAP_BACKGROUND, OFFLINE_STYLE } from './mapStyle';

let protocol: Protocol | null = null;

/** Registers `pmtiles://` with MapLibre once (tiles are read by HTTP range requests). */
export function ensurePmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** What `/api/v1/web-config` says about the basemap; anything unexpected means "offline". */
export function basemapFromConfig(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as { basemap?: unknown }).basemap;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Credit line of a street basemap: Protomaps builds (and the extracts `ioc basemap import`
 * takes) are OpenStreetMap data, whose licence (ODbL) asks for it wherever the map is shown.
 */
export const OSM_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors, ODbL';

/** Road lines for a wall read from across a room: thin at city scale, wider at street scale. */
export const ROAD_COLOR = '#4a6283';

/**
 * A dark style over a PMTiles archive. Raster archives are shown as they are; vector archives
 * are assumed to use the Protomaps basemap layers (earth, water, landuse, roads, boundaries) —
 * fills and lines only, no glyphs, so nothing else is fetched.
 */
export function pmtilesStyle(url: string, tileType: TileType): StyleSpecification {
  const raster =
    tileType === TileType.Png || tileType === TileType.Jpeg || tileType === TileType.Webp;
  const background = {
    id: 'background',
    type: 'background',
    paint: { 'background-color': MAP_BACKGROUND },
  } as const;
  if (raster) {
    return {
      version: 8,
      name: 'ioc-pmtiles-raster',
      sources: { basemap: { type: 'raster', url, tileSize: 256, attribution: OSM_ATTRIBUTION } },
      layers: [
        background,
        { id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } },
      ],
    };
  }
  return {
    version: 8,
    name: 'ioc-pmtiles-vector',
    sources: { basemap: { type: 'vector', url, attribution: OSM_ATTRIBUTION } },
    layers: [
      background,
      {
        id: 'earth',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'earth',
        paint: { 'fill-color': '#0d1b2a' },
      },
      {
        id: 'landuse',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'landuse',
        paint: { 'fill-color': '#10233a', 'fill-opacity': 0.6 },
      },
      {
        id: 'water',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'water',
        paint: { 'fill-color': '#06101c' },
      },
      {
        id: 'roads',
        type: 'line',
        source: 'basemap',
        'source-layer': 'roads',
        paint: {
          'line-color': ROAD_COLOR,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 1.5, 17, 4],
        },
      },
      {
        id: 'boundaries',
        type: 'line',
        source: 'basemap',
        'source-layer': 'boundaries',
        paint: { 'line-color': '#4d6f94', 'line-width': 0.8, 'line-dasharray': [2, 2] },
      },
    ],
  };
}

/**
 * `pmtiles://` followed by an absolute URL. The platform's own archive comes as a path on the
 * server (`pmtiles:///api/v1/basemap/archives/<hash>.pmtiles`); it is made absolute against the
 * page, because MapLibre asks the protocol by the source's URL and the key must match.
 */
export function absolutePmtilesUrl(url: string, base: string): string {
  const target = url.slice('pmtiles://'.length);
  return `pmtiles://${target.startsWith('/') ? new URL(target, base).href : target}`;
}

/** Resolves a configured basemap URL into something MapLibre's `style` accepts. */
export async function resolveBasemap(url: string): Promise<StyleSpecification | string> {
  if (!url.startsWith('pmtiles://')) return url;
  const absolute = absolutePmtilesUrl(url, window.location.href);
  const p = ensurePmtilesProtocol();
  const archive = new PMTiles(absolute.slice('pmtiles://'.length));
  p.add(archive);
  const header = await archive.getHeader();
  return pmtilesStyle(absolute, header.tileType);
}

/**
 * The wall's basemap: offline (our own boundaries over a plain background) unless the server's
 * web config names an online style or a PMTiles archive. Any failure — an older API without
 * `/web-config` (404), a network error, an unreadable archive — keeps the offline style.
 */
export function useBasemapStyle(): StyleSpecification | string {
  const [style, setStyle] = useState<StyleSpecification | string>(OFFLINE_STYLE);
  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      const url = basemapFromConfig(await apiGet('/api/v1/web-config', abort.signal));
      if (url === null) return;
      const resolved = await resolveBasemap(url);
      if (!abort.signal.aborted) setStyle(resolved);
    })().catch((err: unknown) => {
      if (!abort.signal.aborted) console.info('No basemap from web-config; offline style', err);
    });
    return () => {
      abort.abort();
    };
  }, []);
  return style;
}

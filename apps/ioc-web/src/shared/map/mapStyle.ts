import type { StyleSpecification } from 'maplibre-gl';

export const MAP_BACKGROUND = '#06101c';

/** Land beneath the wards: a shade lighter than the sea so the coast reads at a glance. */
export const MAP_LAND = '#0f1d2e';
const MAP_COAST = '#2a4a6b';

/** Natural Earth land served by our own API (see apps/api basemap controller). */
export const LAND_URL = '/api/v1/basemap/land';

/**
 * The built-in style: sea background, land and coastline from our own API, and nothing else
 * fetched — no tiles, no glyphs, no sprite — so the wall renders in an air-gapped operations
 * room. Administrative boundaries, labels and devices are drawn by deck.gl on top.
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'ioc-offline-dark',
  // Absolute: MapLibre loads GeoJSON in a worker whose base URL is not the page's.
  sources: {
    land: {
      type: 'geojson',
      data: typeof window === 'undefined' ? LAND_URL : new URL(LAND_URL, window.location.href).href,
    },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': MAP_LAND } },
    {
      id: 'coastline',
      type: 'line',
      source: 'land',
      paint: { 'line-color': MAP_COAST, 'line-width': 1 },
    },
  ],
};

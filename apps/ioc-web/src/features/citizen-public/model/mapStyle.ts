import type { StyleSpecification } from 'maplibre-gl';
import { LAND_URL } from '../../../shared/map/mapStyle';

/**
 * The residents' offline map: a light version of the wall's built-in style (sea, land and coast
 * from our own API; no tiles, glyphs or sprite), readable on a phone in daylight. Wards and
 * points are added on top by the map component.
 */
export const LIGHT_OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'ioc-offline-light',
  sources: {
    land: {
      type: 'geojson',
      data: typeof window === 'undefined' ? LAND_URL : new URL(LAND_URL, window.location.href).href,
    },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#cfe3f3' } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f6f3ec' } },
    {
      id: 'coastline',
      type: 'line',
      source: 'land',
      paint: { 'line-color': '#8fb3d1', 'line-width': 1 },
    },
  ],
};

/** Distinct colours for the categories on the public map, by their position in the list. */
const PALETTE = [
  '#d62728',
  '#1f77b4',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
  '#bcbd22',
];

export function categoryColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? '#7f7f7f';
}

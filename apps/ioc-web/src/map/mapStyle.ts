import type { StyleSpecification } from 'maplibre-gl';

export const MAP_BACKGROUND = '#06101c';

/**
 * A basemap-free style: one background layer and nothing fetched from the network — no tiles,
 * no glyphs, no sprite — so the wall renders in an air-gapped operations room. Administrative
 * boundaries, labels and devices are drawn by deck.gl on top from our own API.
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'ioc-offline-dark',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } }],
};

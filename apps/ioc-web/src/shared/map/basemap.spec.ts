import { TileType } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { basemapFromConfig, pmtilesStyle } from './basemap';

describe('basemapFromConfig', () => {
  it('takes a non-empty basemap string and ignores anything else', () => {
    expect(basemapFromConfig({ basemap: 'pmtiles:///tiles/vn.pmtiles' })).toBe(
      'pmtiles:///tiles/vn.pmtiles',
    );
    expect(basemapFromConfig({ basemap: null })).toBeNull();
    expect(basemapFromConfig({ basemap: '  ' })).toBeNull();
    expect(basemapFromConfig({ error: { code: 'not_found' } })).toBeNull();
    expect(basemapFromConfig(null)).toBeNull();
  });
});

describe('pmtilesStyle', () => {
  it('draws a raster archive as a raster layer and a vector one with fills and lines', () => {
    const raster = pmtilesStyle('pmtiles:///a.pmtiles', TileType.Png);
    expect(raster.sources['basemap']).toMatchObject({
      type: 'raster',
      url: 'pmtiles:///a.pmtiles',
    });
    const vector = pmtilesStyle('pmtiles:///a.pmtiles', TileType.Mvt);
    expect(vector.sources['basemap']).toMatchObject({ type: 'vector' });
    expect(vector.layers.map((l) => l.id)).toContain('water');
    // Offline-safe: no glyphs or sprite to fetch.
    expect(vector.glyphs).toBeUndefined();
    expect(vector.sprite).toBeUndefined();
  });
});

import { TileType } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { OSM_ATTRIBUTION, absolutePmtilesUrl, basemapFromConfig, pmtilesStyle } from './basemap';

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
    // OpenStreetMap data: its licence asks for the credit on the map.
    expect(vector.sources['basemap']).toMatchObject({ attribution: OSM_ATTRIBUTION });
    expect(OSM_ATTRIBUTION).toContain('OpenStreetMap');
    expect(OSM_ATTRIBUTION).toContain('ODbL');
    expect(vector.layers.map((l) => l.id)).toContain('water');
    // Offline-safe: no glyphs or sprite to fetch.
    expect(vector.glyphs).toBeUndefined();
    expect(vector.sprite).toBeUndefined();
  });
});

describe('absolutePmtilesUrl', () => {
  it("makes the platform's own archive path absolute against the page and keeps full URLs", () => {
    expect(
      absolutePmtilesUrl(
        'pmtiles:///api/v1/basemap/archives/0123456789abcdef.pmtiles',
        'http://ioc.local:8080/wall?unit=20275',
      ),
    ).toBe('pmtiles://http://ioc.local:8080/api/v1/basemap/archives/0123456789abcdef.pmtiles');
    expect(absolutePmtilesUrl('pmtiles://https://tiles.example/vn.pmtiles', 'http://x/')).toBe(
      'pmtiles://https://tiles.example/vn.pmtiles',
    );
  });
});

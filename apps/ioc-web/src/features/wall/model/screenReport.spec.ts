import { defaultWallScenes, screenReportBodySchema } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { buildOf, reportsIn, screenReport } from './screenReport';

describe('reportsIn', () => {
  it('reports only from a display-token wall that is not a preview', () => {
    expect(reportsIn({ token: 'iocd_x', preview: false })).toBe(true);
    expect(reportsIn({ token: 'iocd_x', preview: true })).toBe(false);
    expect(reportsIn({ token: null, preview: false })).toBe(false);
  });
});

describe('screenReport', () => {
  const params = {
    unitCode: '48',
    tiles: { cols: 2, rows: 1 },
    tile: 2,
    kiosk: true,
  };

  it('says unit, tile, scene and viewport in the shape the API takes', () => {
    const scene = defaultWallScenes()[1];
    if (!scene) throw new Error('no default scene');
    const body = screenReport({
      params,
      slot: { scene, index: 1, startsAt: 0, endsAt: 1, progress: 0.5, rotating: true },
      viewport: { width: 1919.6, height: 1080 },
      build: 'index-abc.js',
    });
    expect(body).toEqual({
      unit: '48',
      tiles: { cols: 2, rows: 1 },
      tile: 2,
      sceneId: 'air',
      sceneKind: 'air',
      viewport: { width: 1920, height: 1080 },
      kiosk: true,
      build: 'index-abc.js',
    });
    expect(screenReportBodySchema.safeParse(body).success).toBe(true);
  });

  it('reports no scene while the config has none, and never a zero viewport', () => {
    const body = screenReport({
      params,
      slot: null,
      viewport: { width: 0, height: 0 },
      build: null,
    });
    expect(body).toMatchObject({
      sceneId: null,
      sceneKind: null,
      viewport: { width: 1, height: 1 },
    });
    expect(screenReportBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('buildOf', () => {
  it('names the entry script by its hashed file name', () => {
    expect(buildOf([{ src: 'http://wall.local/assets/index-3f9a1c.js?v=1' }])).toBe(
      'index-3f9a1c.js',
    );
  });

  it('is null when no script names a file', () => {
    expect(buildOf([])).toBeNull();
    expect(buildOf([{ src: '' }])).toBeNull();
  });
});

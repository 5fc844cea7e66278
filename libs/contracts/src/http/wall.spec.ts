import { describe, expect, it } from 'vitest';
import { wallConfigBodySchema } from './wall';

const camerasScene = (cameras: unknown) => ({
  id: 'grid',
  kind: 'cameras',
  durationSec: 60,
  enabled: true,
  measure: { kind: 'none' },
  overlays: [],
  cameras,
});

const problems = (scenes: unknown[]) => {
  const r = wallConfigBodySchema.safeParse({ rotate: true, scenes });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('wall config body: camera-grid scenes', () => {
  it('accepts a 2×2 or 3×3 grid of camera ids', () => {
    expect(problems([camerasScene({ layout: '2x2', ids: ['cam-1', 'cam-2'] })])).toEqual([]);
    expect(problems([camerasScene({ layout: '3x3', ids: ['cam-1'] })])).toEqual([]);
  });

  it('refuses another layout at its path', () => {
    expect(problems([camerasScene({ layout: '4x4', ids: ['cam-1'] })])).toEqual([
      expect.stringMatching(/^scenes\.0\.cameras\.layout: /),
    ]);
  });

  it('lists every empty or repeated camera list at its path', () => {
    const out = problems([
      { ...camerasScene({ layout: '2x2', ids: ['cam-1'] }), id: 'fine' },
      { ...camerasScene({ layout: '2x2', ids: [] }), id: 'empty' },
      { ...camerasScene({ layout: '2x2', ids: ['a', 'b', 'a'] }), id: 'twice' },
      { ...camerasScene(undefined), id: 'none' },
    ]);
    expect(out).toEqual([
      'scenes.1.cameras.ids: a cameras scene needs at least one camera',
      'scenes.2.cameras.ids: camera a listed twice',
      'scenes.3.cameras.ids: a cameras scene needs at least one camera',
    ]);
  });
});

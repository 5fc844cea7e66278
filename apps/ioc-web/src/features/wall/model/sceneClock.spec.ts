import { defaultWallScenes, type WallScene } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { sceneAt } from './sceneClock';

const scene = (id: string, durationSec: number, enabled = true): WallScene => ({
  id,
  kind: 'overview',
  durationSec,
  enabled,
  measure: { kind: 'none' },
  overlays: [],
});

describe('sceneAt', () => {
  const scenes = [scene('a', 10), scene('off', 30, false), scene('b', 20)];

  it('lays the enabled scenes end to end from the epoch (30 s cycle here)', () => {
    const at = (now: number) => sceneAt({ scenes, rotate: true, pinned: null, now });
    expect(at(0)?.scene.id).toBe('a');
    expect(at(9_999)?.scene.id).toBe('a');
    expect(at(10_000)?.scene.id).toBe('b');
    expect(at(29_999)?.scene.id).toBe('b');
    expect(at(30_000)?.scene.id).toBe('a');
    const slot = at(3_000_015_000);
    expect(slot).toMatchObject({ index: 1, rotating: true });
    expect(slot?.startsAt).toBe(3_000_010_000);
    expect(slot?.endsAt).toBe(3_000_030_000);
    expect(slot?.progress).toBeCloseTo(0.25);
  });

  it('gives two screens with the same clock the same scene', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 7);
    const a = sceneAt({ scenes: defaultWallScenes(), rotate: true, pinned: null, now });
    const b = sceneAt({ scenes: defaultWallScenes(), rotate: true, pinned: null, now });
    expect(a?.scene.id).toBe(b?.scene.id);
  });

  it('stays on the first enabled scene when rotation is off', () => {
    const slot = sceneAt({ scenes, rotate: false, pinned: null, now: 15_000 });
    expect(slot).toMatchObject({ index: 0, rotating: false, progress: 0 });
    expect(slot?.scene.id).toBe('a');
  });

  it('pins ?scene= (even a disabled one) and ignores an unknown id', () => {
    expect(sceneAt({ scenes, rotate: true, pinned: 'off', now: 0 })?.scene.id).toBe('off');
    expect(sceneAt({ scenes, rotate: true, pinned: 'b', now: 0 })?.rotating).toBe(false);
    expect(sceneAt({ scenes, rotate: true, pinned: 'nope', now: 0 })?.scene.id).toBe('a');
  });

  it('has nothing to show without enabled scenes', () => {
    expect(sceneAt({ scenes: [scene('x', 10, false)], rotate: true, pinned: null, now: 0 })).toBe(
      null,
    );
  });
});

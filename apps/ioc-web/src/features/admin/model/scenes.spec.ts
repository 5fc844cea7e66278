import { defaultWallScenes } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { moveScene, newScene, newSceneId, validateScenes } from './scenes';

describe('scene editing', () => {
  const scenes = defaultWallScenes();

  it('moves a scene up and down and clamps at the ends', () => {
    expect(
      moveScene(scenes, 1, -1)
        .map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['air', 'overview']);
    expect(moveScene(scenes, 0, -1).map((s) => s.id)).toEqual(scenes.map((s) => s.id));
    const last = scenes.length - 1;
    expect(moveScene(scenes, last - 1, 1).at(-1)?.id).toBe(scenes[last - 1]?.id);
  });

  it('gives new scenes unused ids', () => {
    expect(newSceneId(scenes, 'air')).toBe('air-2');
    expect(newSceneId([...scenes, newScene(scenes, 'air')], 'air')).toBe('air-3');
  });

  it('accepts the defaults and flags bad durations, duplicate ids and empty measures', () => {
    expect(validateScenes(scenes)).toEqual({ problems: {}, noneEnabled: false });
    const bad = scenes.map((s) => ({ ...s }));
    bad[0] = { ...bad[0]!, durationSec: 5 };
    bad[1] = { ...bad[1]!, id: 'overview' };
    bad[2] = { ...bad[2]!, measure: { kind: 'metric', metric: ' ' } };
    expect(validateScenes(bad).problems).toEqual({
      0: { durationSec: 'admin.wall.error.duration' },
      1: { id: 'admin.wall.error.idDuplicate' },
      2: { measure: 'admin.wall.error.measure' },
    });
    expect(validateScenes(scenes.map((s) => ({ ...s, enabled: false }))).noneEnabled).toBe(true);
  });

  it('asks a camera scene for at least one camera', () => {
    const cams = { ...newScene(scenes, 'cameras'), cameras: { layout: '2x2' as const, ids: [] } };
    expect(validateScenes([...scenes, cams]).problems).toEqual({
      [scenes.length]: { cameras: 'camera.scene.needOne' },
    });
    const filled = { ...cams, cameras: { layout: '3x3' as const, ids: ['cam-1'] } };
    expect(validateScenes([...scenes, filled]).problems).toEqual({});
  });
});

import type { SceneKind, SceneMeasure, WallScene } from '@ioc/contracts';
import type { MessageKey } from '../../../shared/i18n/translate';

export const DURATION_MIN_S = 10;
export const DURATION_MAX_S = 3600;

/** The list with scene `i` moved by `delta` places (clamped); the same list when it cannot move. */
export function moveScene(scenes: readonly WallScene[], i: number, delta: number): WallScene[] {
  const j = Math.min(scenes.length - 1, Math.max(0, i + delta));
  const out = [...scenes];
  const [s] = out.splice(i, 1);
  if (s === undefined || j === i) return [...scenes];
  out.splice(j, 0, s);
  return out;
}

/** A fresh id for a new scene of `kind` that no scene in the list uses. */
export function newSceneId(scenes: readonly WallScene[], kind: SceneKind): string {
  const used = new Set(scenes.map((s) => s.id));
  if (!used.has(kind)) return kind;
  for (let n = 2; ; n++) if (!used.has(`${kind}-${n}`)) return `${kind}-${n}`;
}

export function newScene(scenes: readonly WallScene[], kind: SceneKind = 'overview'): WallScene {
  return {
    id: newSceneId(scenes, kind),
    kind,
    durationSec: 45,
    enabled: true,
    measure: { kind: 'none' },
    overlays: ['devices'],
  };
}

/** A measure of another kind, keeping nothing of the old one. */
export function measureOfKind(kind: SceneMeasure['kind']): SceneMeasure {
  if (kind === 'metric') return { kind: 'metric', metric: 'pm25' };
  if (kind === 'indicator') return { kind: 'indicator', code: '' };
  return { kind: 'none' };
}

export type SceneProblems = Record<
  number,
  Partial<Record<'id' | 'durationSec' | 'measure' | 'cameras', MessageKey>>
>;

/** Problems per scene index, plus whether no scene is enabled (a wall needs one; the API one scene). */
export function validateScenes(scenes: readonly WallScene[]): {
  problems: SceneProblems;
  noneEnabled: boolean;
} {
  const problems: SceneProblems = {};
  const seen = new Set<string>();
  scenes.forEach((s, i) => {
    const p: SceneProblems[number] = {};
    if (!/^[a-z0-9-]{1,40}$/.test(s.id)) p.id = 'admin.wall.error.id';
    else if (seen.has(s.id)) p.id = 'admin.wall.error.idDuplicate';
    seen.add(s.id);
    if (
      !Number.isInteger(s.durationSec) ||
      s.durationSec < DURATION_MIN_S ||
      s.durationSec > DURATION_MAX_S
    )
      p.durationSec = 'admin.wall.error.duration';
    if (s.measure.kind === 'metric' && s.measure.metric.trim() === '')
      p.measure = 'admin.wall.error.measure';
    if (s.measure.kind === 'indicator' && s.measure.code.trim() === '')
      p.measure = 'admin.wall.error.measure';
    if (s.kind === 'cameras' && (s.cameras?.ids.length ?? 0) === 0)
      p.cameras = 'camera.scene.needOne';
    if (Object.keys(p).length > 0) problems[i] = p;
  });
  return { problems, noneEnabled: !scenes.some((s) => s.enabled) };
}

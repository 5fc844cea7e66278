import type { WallScene } from '@ioc/contracts';

export interface SceneSlot {
  scene: WallScene;
  /** Position in the list of scenes being cycled. */
  index: number;
  /** Epoch ms the scene came on screen / goes off (null when it does not rotate). */
  startsAt: number | null;
  endsAt: number | null;
  /** 0..1 through the scene; 0 when it does not rotate. */
  progress: number;
  rotating: boolean;
}

export interface SceneClockInput {
  scenes: readonly WallScene[];
  rotate: boolean;
  /** `?scene=` of the URL: that scene only. */
  pinned: string | null;
  now: number;
}

/**
 * The scene on screen at `now`, from the clock alone: the cycle of enabled scenes is laid end
 * to end from the Unix epoch, so every screen of a multi-screen wall (and every wall of the
 * room) computes the same scene at the same moment without talking to the others — NTP-synced
 * clocks are all they share. A config change re-lays the cycle; all screens jump together
 * since they refetch the same config within a minute.
 */
export function sceneAt(input: SceneClockInput): SceneSlot | null {
  const { scenes, rotate, pinned, now } = input;
  if (pinned !== null) {
    const i = scenes.findIndex((s) => s.id === pinned);
    const scene = scenes[i];
    if (scene) return still(scene, i);
  }
  const enabled = scenes.filter((s) => s.enabled);
  const first = enabled[0];
  if (!first) return null;
  if (!rotate || enabled.length === 1) return still(first, 0);
  const durations = enabled.map((s) => Math.max(1, s.durationSec) * 1000);
  const cycle = durations.reduce((a, b) => a + b, 0);
  const cycleStart = now - mod(now, cycle);
  let offset = mod(now, cycle);
  let start = cycleStart;
  for (let i = 0; i < enabled.length; i++) {
    const d = durations[i] ?? 0;
    const scene = enabled[i];
    if (scene && offset < d) {
      return {
        scene,
        index: i,
        startsAt: start,
        endsAt: start + d,
        progress: offset / d,
        rotating: true,
      };
    }
    offset -= d;
    start += d;
  }
  return still(first, 0);
}

function still(scene: WallScene, index: number): SceneSlot {
  return { scene, index, startsAt: null, endsAt: null, progress: 0, rotating: false };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

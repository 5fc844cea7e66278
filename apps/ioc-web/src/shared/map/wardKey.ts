import {
  boxOf,
  placeLabels,
  type LabelRequest,
  type PlacedLabel,
  type PlacementOptions,
} from './labelPlacement';

/** The longest leader a name may take before its ward is numbered instead, in label heights. */
const SHORT_LEADER = 1.5;

export interface KeyEntry {
  code: string;
  /** The number drawn on the map at the ward, 1-based, north to south. */
  n: number;
}

export interface KeyedPlacement {
  /** Names at their own anchors. */
  names: PlacedLabel[];
  /** Numbers of the wards whose names did not fit, at (or led to) their anchors. */
  numbers: PlacedLabel[];
  /** Number → ward, for the key beside the map. */
  key: KeyEntry[];
  /** Wards left unnamed: more did not fit than the key has rows (the smallest go first). */
  unnamed: string[];
}

/**
 * Names every unit legibly at wall sizes. A name goes on the map where it fits at its own
 * label point; a dense city core, where names at a readable size cannot all fit, gets numbers
 * instead — short enough to sit on their wards — and the names go into a key beside the map,
 * numbered north to south so the key reads down the coast. Numbers that still collide are
 * moved a little with a short leader, never a star of long ones.
 */
export function placeWithKey(
  requests: readonly LabelRequest[],
  opts: PlacementOptions,
  numberSize: (n: number) => { width: number; height: number },
  keyRows = Infinity,
): KeyedPlacement {
  // Names at, or nudged along, their anchors; a short leader where a little room is near.
  const first = placeLabels(requests, { ...opts, nudge: true, maxLeaderHeights: SHORT_LEADER });
  const byId = new Map(requests.map((r) => [r.id, r]));
  const all = first.unplaced
    .map((id) => byId.get(id))
    .filter((r): r is LabelRequest => r !== undefined)
    .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  const losers = all.slice(0, keyRows).sort((a, b) => a.y - b.y || a.x - b.x);
  const unnamed = all.slice(keyRows).map((r) => r.id);
  const key = losers.map((r, i) => ({ code: r.id, n: i + 1 }));
  const numberRequests = losers.map((r, i) => ({
    id: r.id,
    x: r.x,
    y: r.y,
    ...numberSize(i + 1),
    // Fewer neighbours, better chance at the anchor: outer wards first, core last.
    priority: -i,
  }));
  const numbering = placeLabels(numberRequests, {
    ...opts,
    obstacles: [...(opts.obstacles ?? []), ...first.placed.map((p) => boxOf(p))],
  });
  // A number with no room anywhere is not drawn, so its ward leaves the key too; the others
  // close up (a smaller number never needs a wider box than the one it was placed with).
  const drawn = new Set(numbering.placed.map((p) => p.id));
  const keyed = key.filter((k) => drawn.has(k.code)).map((k, i) => ({ code: k.code, n: i + 1 }));
  return {
    names: first.placed,
    numbers: numbering.placed,
    key: keyed,
    unnamed: [...unnamed, ...numbering.unplaced],
  };
}

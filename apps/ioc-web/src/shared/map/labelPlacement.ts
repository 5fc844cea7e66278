/** Screen box [left, top, right, bottom] in CSS px of the map container. */
export type Box = [number, number, number, number];

export interface LabelRequest {
  id: string;
  /** Anchor (the unit's label point) in screen px. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher wins the anchor position (e.g. area: big rural communes keep theirs). */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the label box in screen px. */
  x: number;
  y: number;
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
  /** Moved off its anchor: drawn with a leader line back to it. */
  leader: boolean;
}

export interface PlacementOptions {
  /** Drawable area; labels stay fully inside it. */
  width: number;
  height: number;
  /** Screen regions covered by DOM (inset, legend): no label goes under them. */
  obstacles?: readonly Box[];
  /** Gap kept between boxes. */
  margin: number;
  /** Directions tried per radius (more = tighter packing, slower). */
  directions?: number;
  /** false: labels that lose their anchor are returned unplaced instead of moved with a leader. */
  leaders?: boolean;
  /**
   * Also try positions shifted along the label while its anchor stays inside its box (still
   * reads as the ward's name, no leader needed) before giving the anchor up.
   */
  nudge?: boolean;
  /** Longest leader, in label heights; a label that needs a longer one is left unplaced. */
  maxLeaderHeights?: number;
}

export function boxOf(l: { x: number; y: number; width: number; height: number }): Box {
  return [l.x - l.width / 2, l.y - l.height / 2, l.x + l.width / 2, l.y + l.height / 2];
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a[0] < b[2] + gap && a[2] + gap > b[0] && a[1] < b[3] + gap && a[3] + gap > b[1];
}

function byPriority(a: LabelRequest, b: LabelRequest): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Places every label. First pass: labels at their anchors, highest priority first, as long as
 * they collide with nothing already placed (the classic greedy declutter). Second pass: every
 * label that lost is moved outward from its crowd — candidate positions on rings of growing
 * radius around its anchor, tried first in the direction pointing away from the neighbouring
 * anchors — and drawn with a leader line. Nothing is dropped while the screen has room, which
 * is what lets the small central wards of a city (Hải Châu, Thanh Khê…) keep their names at
 * province scale. Deterministic: the same names land in the same places on every screen.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  opts: PlacementOptions,
): { placed: PlacedLabel[]; unplaced: string[] } {
  const { width, height, margin } = opts;
  const obstacles = opts.obstacles ?? [];
  const dirs = opts.directions ?? 24;
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  const inside = (b: Box): boolean => b[0] >= 0 && b[1] >= 0 && b[2] <= width && b[3] <= height;
  const free = (b: Box): boolean =>
    inside(b) &&
    !obstacles.some((o) => overlaps(b, o, margin)) &&
    !taken.some((t) => overlaps(b, t, margin));
  const take = (r: LabelRequest, x: number, y: number, leader: boolean): void => {
    const p = {
      id: r.id,
      x,
      y,
      width: r.width,
      height: r.height,
      anchorX: r.x,
      anchorY: r.y,
      leader,
    };
    taken.push(boxOf(p));
    placed.push(p);
  };

  const sorted = [...requests].sort(byPriority);
  const losers: LabelRequest[] = [];
  const nudges = opts.nudge
    ? [
        [0, -0.4],
        [0, 0.4],
        [-0.35, 0],
        [0.35, 0],
        [-0.35, -0.4],
        [0.35, -0.4],
        [-0.35, 0.4],
        [0.35, 0.4],
      ]
    : [];
  for (const r of sorted) {
    if (free(boxOf(r))) {
      take(r, r.x, r.y, false);
      continue;
    }
    const spot = nudges
      .map(([dx = 0, dy = 0]) => ({ x: r.x + dx * r.width, y: r.y + dy * r.height }))
      .find((c) => free(boxOf({ ...c, width: r.width, height: r.height })));
    if (spot) take(r, spot.x, spot.y, false);
    else losers.push(r);
  }
  if (opts.leaders === false) return { placed, unplaced: losers.map((r) => r.id) };
  // The anchors of displaced labels stay visible: no other label may cover them.
  const anchorBoxes: Box[] = losers.map((r) => [r.x - 2, r.y - 2, r.x + 2, r.y + 2]);
  const clearOfAnchors = (b: Box, self: LabelRequest): boolean =>
    anchorBoxes.every((a, i) => losers[i] === self || !overlaps(b, a));

  const unplaced: string[] = [];
  const maxRadius = opts.maxLeaderHeights === undefined ? Math.hypot(width, height) : Infinity;
  for (const r of losers) {
    // Away from the crowd: the direction from the mean of nearby anchors to this one.
    let cx = 0;
    let cy = 0;
    let n = 0;
    for (const o of requests) {
      if (o === r || Math.hypot(o.x - r.x, o.y - r.y) > 12 * r.height) continue;
      cx += o.x;
      cy += o.y;
      n += 1;
    }
    const out =
      n > 0 && (cx / n !== r.x || cy / n !== r.y) ? Math.atan2(r.y - cy / n, r.x - cx / n) : 0;
    const angles = Array.from({ length: dirs }, (_, i) => {
      const k = Math.ceil(i / 2) * (i % 2 === 1 ? 1 : -1);
      return out + (k * 2 * Math.PI) / dirs;
    });
    let done = false;
    const step = Math.max(2, r.height * 0.5);
    const limit = Math.min(maxRadius, (opts.maxLeaderHeights ?? Infinity) * r.height);
    for (let radius = r.height * 0.75; radius <= limit && !done; radius += step) {
      for (const a of angles) {
        const x = r.x + Math.cos(a) * (radius + r.width / 2);
        const y = r.y + Math.sin(a) * (radius + r.height / 2);
        const b = boxOf({ x, y, width: r.width, height: r.height });
        if (free(b) && clearOfAnchors(b, r)) {
          take(r, x, y, true);
          done = true;
          break;
        }
      }
    }
    if (!done) unplaced.push(r.id);
  }
  return { placed, unplaced };
}

/**
 * Where a leader line meets the label box: the point on the box edge on the segment from the
 * box centre to the anchor, so the line touches the text's edge rather than crossing it.
 */
export function leaderEnd(p: PlacedLabel, pad = 2): [number, number] {
  const dx = p.anchorX - p.x;
  const dy = p.anchorY - p.y;
  const hw = p.width / 2 + pad;
  const hh = p.height / 2 + pad;
  if (dx === 0 && dy === 0) return [p.x, p.y];
  const t = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
  return [p.x + dx * Math.min(1, t), p.y + dy * Math.min(1, t)];
}

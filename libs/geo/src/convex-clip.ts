type XY = [number, number];

/**
 * Sutherland–Hodgman: clips a polygon (open ring) by a convex counter-clockwise window. Both
 * inputs here are convex (a Voronoi cell and a regular polygon), so the result is exact.
 */
export function clipConvex(subject: readonly XY[], window: readonly XY[]): XY[] {
  let output: XY[] = [...subject];
  for (let i = 0; i < window.length && output.length > 0; i++) {
    const a = window[i] as XY;
    const b = window[(i + 1) % window.length] as XY;
    const input = output;
    output = [];
    const inside = (p: XY): boolean =>
      (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    for (let j = 0; j < input.length; j++) {
      const cur = input[j] as XY;
      const prev = input[(j + input.length - 1) % input.length] as XY;
      const curIn = inside(cur);
      const prevIn = inside(prev);
      if (curIn !== prevIn) output.push(intersect(prev, cur, a, b));
      if (curIn) output.push(cur);
    }
  }
  return output;
}

function intersect(p: XY, q: XY, a: XY, b: XY): XY {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const ex = b[0] - a[0];
  const ey = b[1] - a[1];
  const t = (ex * (p[1] - a[1]) - ey * (p[0] - a[0])) / (ey * dx - ex * dy);
  return [p[0] + t * dx, p[1] + t * dy];
}

/** Regular polygon approximating a circle, counter-clockwise, open (no repeated first vertex). */
export function regularPolygon(cx: number, cy: number, radius: number, sides = 32): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < sides; i++) {
    const t = (2 * Math.PI * i) / sides;
    out.push([cx + radius * Math.cos(t), cy + radius * Math.sin(t)]);
  }
  return out;
}

/** Twice the signed area of an open ring; positive when counter-clockwise. */
export function signedArea2(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as XY;
    const b = ring[(i + 1) % ring.length] as XY;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

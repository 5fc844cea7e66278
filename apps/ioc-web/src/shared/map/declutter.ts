/** Web Mercator pixel position at `zoom` (512-px world, as MapLibre uses). */
export function mercatorPixel(lon: number, lat: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const clamped = Math.max(-85.05, Math.min(85.05, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const x = ((lon + 180) / 360) * size;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size;
  return [x, y];
}

export interface LabelCandidate {
  id: string;
  text: string;
  lon: number;
  lat: number;
  priority: number;
}

/**
 * Greedy label placement: highest priority first, a label is kept when its box (text width ×
 * line height, plus a margin) overlaps no kept box. Depends only on zoom — panning does not
 * change which labels fit — so it runs on zoom changes, not per frame. Deterministic (ties by
 * id) so the same names show on every wall.
 */
export function declutterLabels(
  labels: readonly LabelCandidate[],
  zoom: number,
  measure: (text: string) => number,
  lineHeight: number,
  margin: number,
): Set<string> {
  const sorted = [...labels].sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const kept: [number, number, number, number][] = [];
  const out = new Set<string>();
  for (const l of sorted) {
    const [x, y] = mercatorPixel(l.lon, l.lat, zoom);
    const halfW = measure(l.text) / 2 + margin;
    const halfH = lineHeight / 2 + margin;
    const box: [number, number, number, number] = [x - halfW, y - halfH, x + halfW, y + halfH];
    const hit = kept.some((k) => box[0] < k[2] && box[2] > k[0] && box[1] < k[3] && box[3] > k[1]);
    if (!hit) {
      kept.push(box);
      out.add(l.id);
    }
  }
  return out;
}

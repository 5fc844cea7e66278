import type { DeviceState } from './deviceStore';

/** A device that reported within this window counts as online. */
export const ONLINE_WINDOW_MS = 10 * 60_000;

export function isOnline(device: DeviceState, now: number, windowMs = ONLINE_WINDOW_MS): boolean {
  return device.lastSeen !== null && now - device.lastSeen <= windowMs;
}

export function countOnline(
  devices: Iterable<DeviceState>,
  now: number,
  windowMs = ONLINE_WINDOW_MS,
): number {
  let n = 0;
  for (const d of devices) if (isOnline(d, now, windowMs)) n += 1;
  return n;
}

/**
 * The n devices with the highest latest value of a metric, highest first (ties by id so the list
 * does not flicker). A bounded insertion keeps this O(devices × n) — no full sort per update.
 */
export function topByMetric(
  devices: Iterable<DeviceState>,
  metric: string,
  n: number,
): DeviceState[] {
  const top: { device: DeviceState; value: number }[] = [];
  const before = (a: { device: DeviceState; value: number }, value: number, id: string) =>
    a.value > value || (a.value === value && a.device.id < id);
  for (const device of devices) {
    const value = device.latest.get(metric)?.value;
    if (value === undefined) continue;
    const last = top[top.length - 1];
    if (top.length >= n && last && before(last, value, device.id)) continue;
    let i = top.length;
    while (i > 0) {
      const prev = top[i - 1];
      if (prev && before(prev, value, device.id)) break;
      i -= 1;
    }
    top.splice(i, 0, { device, value });
    if (top.length > n) top.pop();
  }
  return top.map((t) => t.device);
}

/** Mean of the latest value of a metric per unit, over the devices that report it. */
export function meanByUnit(devices: Iterable<DeviceState>, metric: string): Map<string, number> {
  const acc = new Map<string, { sum: number; count: number }>();
  for (const d of devices) {
    const v = d.latest.get(metric);
    if (!v || d.unitCode === null) continue;
    const a = acc.get(d.unitCode);
    if (a) {
      a.sum += v.value;
      a.count += 1;
    } else {
      acc.set(d.unitCode, { sum: v.value, count: 1 });
    }
  }
  const out = new Map<string, number>();
  for (const [unit, { sum, count }] of acc) out.set(unit, sum / count);
  return out;
}

/** True when a changed more recently than b (ties: smaller id first, for a stable order). */
function newer(a: DeviceState, b: DeviceState): boolean {
  return a.changedSeq > b.changedSeq || (a.changedSeq === b.changedSeq && a.id < b.id);
}

/**
 * The n most recently changed devices, newest first. A size-n min-heap keeps this
 * O(devices × log n): it runs several times a second over fleets of up to 100k devices.
 */
export function recentlyChanged(devices: Iterable<DeviceState>, n: number): DeviceState[] {
  if (n <= 0) return [];
  const heap: DeviceState[] = []; // heap[0] is the oldest device kept
  const swap = (i: number, j: number): void => {
    const a = heap[i];
    const b = heap[j];
    if (a && b) {
      heap[i] = b;
      heap[j] = a;
    }
  };
  const up = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = heap[i];
      const above = heap[parent];
      if (!child || !above || !newer(above, child)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (): void => {
    let i = 0;
    for (;;) {
      let oldest = i;
      for (const c of [2 * i + 1, 2 * i + 2]) {
        const child = heap[c];
        const current = heap[oldest];
        if (child && current && newer(current, child)) oldest = c;
      }
      if (oldest === i) return;
      swap(i, oldest);
      i = oldest;
    }
  };
  for (const d of devices) {
    if (heap.length < n) {
      heap.push(d);
      up(heap.length - 1);
    } else if (heap[0] && newer(d, heap[0])) {
      heap[0] = d;
      down();
    }
  }
  return heap.sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
}

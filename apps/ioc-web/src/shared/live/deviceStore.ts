import type { DeviceView, ReadingDelta } from '@ioc/contracts';

export interface MetricValue {
  value: number;
  /** Reading time, epoch ms. */
  time: number;
}

/** Mutable per-device state. Objects are updated in place so deck.gl's data array stays stable. */
export interface DeviceState {
  id: string;
  kind: string;
  /** Display name from the registry (REST); null until known or when none was given. */
  name: string | null;
  unitCode: string | null;
  lon: number | null;
  lat: number | null;
  /** Epoch ms of the newest reading or REST lastSeen. */
  lastSeen: number | null;
  latest: Map<string, MetricValue>;
  /** The station's own alarm levels (báo động I–III) from the registry; null when it has none. */
  alarmLevels: readonly number[] | null;
  /** Store-wide sequence number of this device's last change (orders "recently updated"). */
  changedSeq: number;
}

/**
 * Merges one metric reading; the newer reading wins, so out-of-order delivery (a late batch from
 * a gateway's store-and-forward, or a REST snapshot that raced a delta) never rolls a value back.
 * An equal timestamp overwrites: that is a re-sent correction of the same reading.
 */
export function mergeMetric(
  latest: Map<string, MetricValue>,
  metric: string,
  value: number,
  time: number,
): boolean {
  const prev = latest.get(metric);
  if (prev && prev.time > time) return false;
  if (prev?.time === time && prev.value === value) return false;
  if (prev) {
    prev.value = value;
    prev.time = time;
  } else {
    latest.set(metric, { value, time });
  }
  return true;
}

/** Applies a delta to a device; returns whether any value changed. Invalid times are ignored. */
export function applyDelta(device: DeviceState, delta: ReadingDelta): boolean {
  const time = Date.parse(delta.time);
  if (Number.isNaN(time)) return false;
  let changed = false;
  for (const [metric, value] of Object.entries(delta.values)) {
    if (mergeMetric(device.latest, metric, value, time)) changed = true;
  }
  if (device.lastSeen === null || time > device.lastSeen) device.lastSeen = time;
  if (device.unitCode === null && delta.unitCode !== null) device.unitCode = delta.unitCode;
  return changed;
}

function sameLevels(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function parseTime(s: string | null): number | null {
  if (s === null) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function newDevice(id: string): DeviceState {
  return {
    id,
    kind: 'unknown',
    name: null,
    unitCode: null,
    lon: null,
    lat: null,
    lastSeen: null,
    latest: new Map(),
    alarmLevels: null,
    changedSeq: 0,
  };
}

export interface DeltaResult {
  /** Devices whose values changed. */
  changed: number;
  /** Deltas for devices the store did not know (not on the map until the next REST refresh). */
  unknown: number;
}

/**
 * Live device state of one wall, keyed by device id.
 *
 * Two versions drive rendering: `valueVersion` bumps when any value changes (deck.gl colour
 * accessors re-run through `updateTriggers`), `structureVersion` bumps when the set of drawn
 * devices or their positions change (only then is `positioned` rebuilt, and with it the
 * position attribute). A stream of deltas therefore never rebuilds positions.
 */
export class DeviceStore {
  readonly byId = new Map<string, DeviceState>();
  positioned: DeviceState[] = [];
  valueVersion = 0;
  structureVersion = 0;
  private seq = 0;

  applyDeltas(deltas: readonly ReadingDelta[]): DeltaResult {
    const result: DeltaResult = { changed: 0, unknown: 0 };
    for (const delta of deltas) {
      let device = this.byId.get(delta.deviceId);
      if (!device) {
        device = newDevice(delta.deviceId);
        this.byId.set(device.id, device);
        result.unknown += 1;
      }
      if (applyDelta(device, delta)) {
        if (device.changedSeq !== this.seq + 1) result.changed += 1;
        device.changedSeq = this.seq + 1;
      }
    }
    if (result.changed > 0 || result.unknown > 0) {
      this.seq += 1;
      this.valueVersion += 1;
    }
    return result;
  }

  /** Reconciles with a REST snapshot: adds and removes devices, updates positions, merges values. */
  replaceAll(items: readonly DeviceView[]): void {
    const seen = new Set<string>();
    let structural = false;
    let valuesChanged = false;
    const seq = this.seq + 1;
    for (const item of items) {
      seen.add(item.id);
      let device = this.byId.get(item.id);
      if (!device) {
        device = newDevice(item.id);
        this.byId.set(item.id, device);
        structural = true;
      }
      if (device.lon !== item.lon || device.lat !== item.lat) {
        device.lon = item.lon;
        device.lat = item.lat;
        structural = true;
      }
      device.kind = item.kind;
      device.unitCode = item.unitCode ?? device.unitCode;
      let changed = false;
      // Registry fields an administrator may edit: a changed level re-ranks the station panel.
      const levels = item.alarmLevels ?? null;
      if (device.name !== (item.name ?? null) || !sameLevels(device.alarmLevels, levels)) {
        device.name = item.name ?? null;
        device.alarmLevels = levels;
        changed = true;
      }
      for (const [metric, v] of Object.entries(item.latest)) {
        const time = parseTime(v.time);
        if (time !== null && mergeMetric(device.latest, metric, v.value, time)) changed = true;
      }
      const lastSeen = parseTime(item.lastSeen);
      if (lastSeen !== null && (device.lastSeen === null || lastSeen > device.lastSeen)) {
        device.lastSeen = lastSeen;
        changed = true;
      }
      if (changed) {
        device.changedSeq = seq;
        valuesChanged = true;
      }
    }
    for (const id of this.byId.keys()) {
      if (!seen.has(id)) {
        this.byId.delete(id);
        structural = true;
      }
    }
    if (structural) {
      this.positioned = [...this.byId.values()].filter((d) => d.lon !== null && d.lat !== null);
      this.structureVersion += 1;
    }
    if (structural || valuesChanged) {
      this.seq = seq;
      this.valueVersion += 1;
    }
  }
}

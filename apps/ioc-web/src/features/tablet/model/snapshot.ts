import type { UnitSummary } from '@ioc/contracts';
import type { TabletData } from './api';

/**
 * The last data the tablet loaded, kept in localStorage so a ward leader in a place without
 * signal still sees the figures (clearly marked offline, with their age). One entry per user and
 * unit, so a shared tablet never shows one person's ward to another; only the most recent few
 * units are kept.
 */
const PREFIX = 'ioc.tablet.snapshot.v1:';
const CHOICES_PREFIX = 'ioc.tablet.units.v1:';
const SELECTED_PREFIX = 'ioc.tablet.selected.v1:';
const MAX_SNAPSHOTS = 5;

export interface TabletSnapshot {
  version: 1;
  user: string;
  unitCode: string;
  /** Client clock when the data was loaded. */
  savedAt: number;
  data: TabletData;
}

/** The part of Storage used here; tests pass an in-memory map. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const key = (user: string, unit: string) => `${PREFIX}${user}:${unit}`;

function readJson(store: KeyValueStore, k: string): unknown {
  try {
    const raw = store.getItem(k);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isSnapshot(v: unknown, user: string, unit: string): v is TabletSnapshot {
  if (!isObject(v) || !isObject(v['data'])) return false;
  const data = v['data'];
  const scorecard = data['scorecard'];
  return (
    v['version'] === 1 &&
    v['user'] === user &&
    v['unitCode'] === unit &&
    typeof v['savedAt'] === 'number' &&
    Array.isArray(data['devices']) &&
    Array.isArray(data['alerts']) &&
    isObject(scorecard) &&
    Array.isArray(scorecard['items'])
  );
}

export function loadSnapshot(
  user: string,
  unit: string,
  store: KeyValueStore | null = storage(),
): TabletSnapshot | null {
  if (!store) return null;
  const v = readJson(store, key(user, unit));
  return isSnapshot(v, user, unit) ? v : null;
}

export function saveSnapshot(
  user: string,
  data: TabletData,
  store: KeyValueStore | null = storage(),
): void {
  if (!store) return;
  const snap: TabletSnapshot = {
    version: 1,
    user,
    unitCode: data.unit.code,
    savedAt: data.loadedAt,
    data,
  };
  const write = () => {
    store.setItem(key(user, data.unit.code), JSON.stringify(snap));
  };
  try {
    write();
  } catch {
    // Quota: drop the other snapshots and try once more; failing that, go without.
    prune(store, 0);
    try {
      write();
    } catch {
      return;
    }
  }
  prune(store, MAX_SNAPSHOTS);
}

/** Keeps the `keep` most recent snapshots (all users), removing the rest. */
function prune(store: KeyValueStore, keep: number): void {
  const entries: { k: string; savedAt: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k === null || !k.startsWith(PREFIX)) continue;
    const v = readJson(store, k) as { savedAt?: unknown } | null;
    entries.push({ k, savedAt: typeof v?.savedAt === 'number' ? v.savedAt : 0 });
  }
  entries.sort((a, b) => b.savedAt - a.savedAt);
  for (const e of entries.slice(keep)) store.removeItem(e.k);
}

/** The units a user may pick from, remembered for offline start-up. */
export function loadUnitChoices(
  user: string,
  store: KeyValueStore | null = storage(),
): UnitSummary[] | null {
  if (!store) return null;
  const v = readJson(store, CHOICES_PREFIX + user);
  return Array.isArray(v) ? (v as UnitSummary[]) : null;
}

export function saveUnitChoices(
  user: string,
  units: readonly UnitSummary[],
  store: KeyValueStore | null = storage(),
): void {
  try {
    store?.setItem(CHOICES_PREFIX + user, JSON.stringify(units));
  } catch {
    // Not remembered; the list is fetched again next time.
  }
}

export function loadSelectedUnit(
  user: string,
  store: KeyValueStore | null = storage(),
): string | null {
  try {
    return store?.getItem(SELECTED_PREFIX + user) ?? null;
  } catch {
    return null;
  }
}

export function saveSelectedUnit(
  user: string,
  unit: string,
  store: KeyValueStore | null = storage(),
): void {
  try {
    store?.setItem(SELECTED_PREFIX + user, unit);
  } catch {
    // Not remembered.
  }
}

import type { UnitSummary } from '@ioc/contracts';
import { useEffect, useState } from 'react';
import {
  fetchChildUnits,
  fetchNeighbours,
  fetchUnit,
  fetchUnitMap,
  type MapBand,
} from '../../../shared/api/endpoints';
import type { WardFeature } from '../../../shared/api/schemas';
import { backoffDelay } from '../../../shared/live/backoff';

export interface UnitsData {
  unit: UnitSummary | null;
  /** The units the wall reports on: a province's wards, or a ward wall's own ward. */
  children: ReadonlyMap<string, UnitSummary>;
  /** Their shapes: what the map fills, labels and frames. */
  wards: readonly WardFeature[] | null;
  /** Shapes drawn around them for orientation only (a ward wall's neighbours). */
  context: readonly WardFeature[];
  /** True while the last attempt failed and a retry is pending. */
  failed: boolean;
}

const RETRY = { baseMs: 2000, capMs: 30_000 };
const NO_CONTEXT: readonly WardFeature[] = [];

/**
 * Geometry detail follows what the wall frames, not its pixel count. A province fills the map
 * at zoom 11 (1080p) to 12 (4K), where the mid band's 35 m is about one pixel: the high band's
 * four times as many vertices would only slow a 4K wall's every frame. A ward's own wall zooms
 * to one ward (zoom 14–15) and needs the high band.
 */
const PROVINCE_BAND: MapBand = 'mid';
const WARD_BAND: MapBand = 'high';

/**
 * What a wall shows for a unit. A province: its wards. A ward or commune (the ward's own
 * operations centre): the ward itself — framed, filled and labelled — with its neighbours drawn
 * around it, all from the province's map so shared borders match exactly.
 */
export async function loadUnitsData(
  unitCode: string,
  signal?: AbortSignal,
): Promise<Omit<UnitsData, 'failed'>> {
  const [unit, children, wards] = await Promise.all([
    fetchUnit(unitCode, signal),
    fetchChildUnits(unitCode, signal),
    fetchUnitMap(unitCode, PROVINCE_BAND, signal),
  ]);
  if (unit.level === 'province' || unit.parentCode === null || children.items.length > 0) {
    return {
      unit,
      children: new Map(children.items.map((u) => [u.code, u])),
      wards,
      context: NO_CONTEXT,
    };
  }
  const [around, neighbours] = await Promise.all([
    fetchUnitMap(unit.parentCode, WARD_BAND, signal),
    fetchNeighbours(unitCode, signal),
  ]);
  const near = new Set(neighbours.map((u) => u.code));
  return {
    unit,
    children: new Map([[unit.code, unit]]),
    wards: around.filter((f) => f.properties.code === unitCode),
    context: around.filter((f) => near.has(f.properties.code)),
  };
}

/**
 * Loads the unit, its children and their map once, retrying until it succeeds: a wall booted
 * before the API (power cut in the operations room) must come up on its own.
 */
export function useUnitsData(unitCode: string): UnitsData {
  const [data, setData] = useState<UnitsData>({
    unit: null,
    children: new Map(),
    wards: null,
    context: NO_CONTEXT,
    failed: false,
  });
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const load = async (): Promise<void> => {
      try {
        const loaded = await loadUnitsData(unitCode, abort.signal);
        setData({ ...loaded, failed: false });
      } catch (err) {
        if (abort.signal.aborted) return;
        console.warn('Loading units failed; retrying', err);
        setData((d) => ({ ...d, failed: true }));
        timer = setTimeout(() => void load(), backoffDelay(attempt++, RETRY));
      }
    };
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [unitCode]);
  return data;
}

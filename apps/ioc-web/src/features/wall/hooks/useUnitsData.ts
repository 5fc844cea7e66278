import type { UnitSummary } from '@ioc/contracts';
import { useEffect, useState } from 'react';
import {
  fetchChildUnits,
  fetchUnit,
  fetchUnitMap,
  type MapBand,
} from '../../../shared/api/endpoints';
import type { WardFeature } from '../../../shared/api/schemas';
import { backoffDelay } from '../../../shared/live/backoff';

export interface UnitsData {
  unit: UnitSummary | null;
  children: ReadonlyMap<string, UnitSummary>;
  wards: readonly WardFeature[] | null;
  /** True while the last attempt failed and a retry is pending. */
  failed: boolean;
}

const RETRY = { baseMs: 2000, capMs: 30_000 };

/** 4K walls get the detailed geometry; 1080p walls do not need the extra vertices. */
function bandForScreen(): MapBand {
  return window.innerWidth * window.devicePixelRatio >= 2560 ? 'high' : 'mid';
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
    failed: false,
  });
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const load = async (): Promise<void> => {
      try {
        const [unit, children, wards] = await Promise.all([
          fetchUnit(unitCode, abort.signal),
          fetchChildUnits(unitCode, abort.signal),
          fetchUnitMap(unitCode, bandForScreen(), abort.signal),
        ]);
        setData({
          unit,
          children: new Map(children.items.map((u) => [u.code, u])),
          wards,
          failed: false,
        });
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

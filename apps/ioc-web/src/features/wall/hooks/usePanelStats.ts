import { useMemo } from 'react';
import {
  countOnline,
  isOnline,
  meanByUnit,
  recentlyChanged,
  topByMetric,
} from '../../../shared/live/deviceStats';
import type { DeviceState, DeviceStore } from '../../../shared/live/deviceStore';

export interface PanelStats {
  /** Mean latest PM2.5 per ward code. */
  means: Map<string, number>;
  top: DeviceState[];
  recent: DeviceState[];
  online: number;
  total: number;
}

export interface PanelStatsOptions {
  topN: number;
  recentLimit: number;
}

/**
 * Figures shown beside the map, recomputed when `version` (a throttled value version) or the
 * status tick changes — the store mutates in place, so these are the change signals.
 */
export function usePanelStats(
  store: DeviceStore | null,
  version: number,
  statusTick: number,
  opts: PanelStatsOptions,
): PanelStats {
  const { topN, recentLimit } = opts;
  return useMemo(() => {
    const devices = store ? [...store.byId.values()] : [];
    return {
      means: meanByUnit(devices, 'pm25'),
      // An offline sensor's last value is not "current": rank only devices still reporting.
      top: topByMetric(
        devices.filter((d) => isOnline(d, statusTick)),
        'pm25',
        topN,
      ),
      recent: recentlyChanged(devices, recentLimit),
      online: countOnline(devices, statusTick),
      total: devices.length,
    };
    // `version` is a dependency only: the store is mutated in place, the version says it changed.
  }, [store, version, statusTick, topN, recentLimit]);
}

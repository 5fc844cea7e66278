import { useMemo } from 'react';
import {
  countOnline,
  isOnline,
  meanByUnit,
  recentlyChanged,
  topByMetric,
} from '../../../shared/live/deviceStats';
import type { DeviceState, DeviceStore } from '../../../shared/live/deviceStore';
import { stationStandings, type StationStanding } from '../../../shared/live/stationLevels';

export interface PanelStats {
  /** Mean latest PM2.5 per ward code. */
  means: Map<string, number>;
  top: DeviceState[];
  recent: DeviceState[];
  /** Reporting stations of `levelsMetric` against their own alarm levels, most at risk first. */
  stations: StationStanding[];
  online: number;
  total: number;
}

export interface PanelStatsOptions {
  topN: number;
  recentLimit: number;
  /** The metric whose stations are held against their alarm levels (the scene's); null: none. */
  levelsMetric: string | null;
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
  const { topN, recentLimit, levelsMetric } = opts;
  return useMemo(() => {
    const devices = store ? [...store.byId.values()] : [];
    // An offline sensor's last value is not "current": rank only devices still reporting.
    const reporting = devices.filter((d) => isOnline(d, statusTick));
    return {
      means: meanByUnit(devices, 'pm25'),
      top: topByMetric(reporting, 'pm25', topN),
      recent: recentlyChanged(devices, recentLimit),
      stations: levelsMetric === null ? [] : stationStandings(reporting, levelsMetric, topN),
      online: countOnline(devices, statusTick),
      total: devices.length,
    };
    // `version` is a dependency only: the store is mutated in place, the version says it changed.
  }, [store, version, statusTick, topN, recentLimit, levelsMetric]);
}

import type { SceneMeasure, WallScene } from '@ioc/contracts';
import { useEffect, useMemo, useState } from 'react';
import { apiGet } from '../api/client';
import type { DeviceStore } from '../live/deviceStore';
import type { WardMeasure } from './sceneMap.types';
import { EMPTY_MEASURE, indicatorWardMeasure, metricWardMeasure } from './wardMeasure';

export interface WardMeasureOptions {
  /** The province (or unit) whose wards are measured. */
  unitCode: string;
  store: DeviceStore | null;
  /** Value version of the store — pass a throttled one (a few per second is plenty). */
  version: number;
  /** Online/offline beat, epoch ms. */
  statusTick: number;
  /** Every ward code, so wards without data appear as null (grey, "no data"). */
  wardCodes?: readonly string[];
  /** Indicator refresh period; the feed pushes changes rarely. */
  indicatorRefreshMs?: number;
}

const enc = encodeURIComponent;
const NO_CODES: readonly string[] = [];

/**
 * The ward values of a scene's measure, for the choropleth and the best/worst panel: a live
 * sensor metric's ward means from the device store, or a Resolution 57 indicator's values and
 * statuses from the choropleth API (refetched periodically; a failed refresh keeps the last
 * values and marks them stale).
 */
export function useWardMeasure(scene: WallScene, opts: WardMeasureOptions): WardMeasure {
  const { unitCode, store, version, statusTick } = opts;
  const wardCodes = opts.wardCodes ?? NO_CODES;
  const refreshMs = opts.indicatorRefreshMs ?? 5 * 60_000;
  const measure: SceneMeasure = scene.measure;
  const metric = measure.kind === 'metric' ? measure.metric : null;
  const indicator = measure.kind === 'indicator' ? measure.code : null;

  const live = useMemo(
    () =>
      metric === null || !store
        ? null
        : metricWardMeasure(
            store.byId.values(),
            metric,
            Math.max(statusTick, Date.now()),
            wardCodes,
          ),
    // `version` is the change signal of the in-place store.
    [metric, store, version, statusTick, wardCodes],
  );

  const [fetched, setFetched] = useState<{ key: string; measure: WardMeasure } | null>(null);
  useEffect(() => {
    if (indicator === null) return undefined;
    const key = `${indicator}@${unitCode}`;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const [map, meta] = await Promise.all([
          apiGet(
            `/api/v1/indicators/${enc(indicator)}/choropleth?province=${enc(unitCode)}`,
            abort.signal,
          ),
          apiGet(`/api/v1/indicators/${enc(indicator)}`, abort.signal),
        ]);
        const m = indicatorWardMeasure(map, meta);
        for (const code of wardCodes)
          if (!m.values.has(code)) (m.values as Map<string, null>).set(code, null);
        setFetched({ key, measure: m });
      } catch (err) {
        if (abort.signal.aborted) return;
        console.warn('Indicator choropleth failed; keeping the last values', err);
        setFetched((f) =>
          f && f.key === key ? { key, measure: { ...f.measure, stale: true } } : f,
        );
      }
      timer = setTimeout(() => void load(), refreshMs);
    };
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [indicator, unitCode, refreshMs, wardCodes]);

  if (live) return live;
  if (indicator !== null && fetched?.key === `${indicator}@${unitCode}`) return fetched.measure;
  return EMPTY_MEASURE;
}

import { useEffect, useState } from 'react';
import { locateUnit } from '../model/cameraEndpoints';

export type PointUnitState =
  | { phase: 'none' }
  | { phase: 'loading' }
  | { phase: 'ready'; unitCode: string | null }
  | { phase: 'failed' };

/** The API's answer to "which unit holds this point", for the point being placed. */
export function usePointUnit(p: { lon: number; lat: number } | null): PointUnitState {
  const [state, setState] = useState<PointUnitState>({ phase: 'none' });
  const lon = p?.lon;
  const lat = p?.lat;
  useEffect(() => {
    if (lon === undefined || lat === undefined) {
      setState({ phase: 'none' });
      return undefined;
    }
    const ctrl = new AbortController();
    setState({ phase: 'loading' });
    locateUnit(lon, lat, ctrl.signal).then(
      (unit) => {
        if (!ctrl.signal.aborted) setState({ phase: 'ready', unitCode: unit?.code ?? null });
      },
      () => {
        if (!ctrl.signal.aborted) setState({ phase: 'failed' });
      },
    );
    return () => {
      ctrl.abort();
    };
  }, [lon, lat]);
  return state;
}

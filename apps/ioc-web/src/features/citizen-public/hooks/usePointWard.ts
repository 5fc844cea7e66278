import { useEffect, useState } from 'react';
import { locatePoint, type PointWard } from '../model/api';
import type { LonLat } from '../model/geo';

export type PointWardState =
  | { phase: 'none' }
  | { phase: 'loading' }
  | { phase: 'ready'; ward: PointWard }
  | { phase: 'failed' };

/** The API's answer to "which ward is this point in", for the point under the marker. */
export function usePointWard(p: LonLat | null): PointWardState {
  const [state, setState] = useState<PointWardState>({ phase: 'none' });
  const lat = p?.lat;
  const lon = p?.lon;
  useEffect(() => {
    if (lat === undefined || lon === undefined) {
      setState({ phase: 'none' });
      return undefined;
    }
    const abort = new AbortController();
    setState({ phase: 'loading' });
    locatePoint({ lat, lon }, abort.signal).then(
      (ward) => {
        if (!abort.signal.aborted) setState({ phase: 'ready', ward });
      },
      () => {
        if (!abort.signal.aborted) setState({ phase: 'failed' });
      },
    );
    return () => {
      abort.abort();
    };
  }, [lat, lon]);
  return state;
}

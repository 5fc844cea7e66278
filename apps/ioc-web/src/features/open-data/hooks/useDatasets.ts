import { useCallback, useEffect, useState } from 'react';
import type { DatasetListResponse } from '@ioc/contracts';
import { fetchDatasets } from '../model/api';

export type DatasetsState =
  | { phase: 'loading' }
  | { phase: 'ready'; data: DatasetListResponse }
  | { phase: 'failed'; error: unknown };

/** The public catalogue, read once (and again on `reload`), aborted when the page goes away. */
export function useDatasets(): DatasetsState & { reload: () => void } {
  const [state, setState] = useState<DatasetsState>({ phase: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setState({ phase: 'loading' });
    fetchDatasets(abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setState({ phase: 'ready', data });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ phase: 'failed', error });
      },
    );
    return () => {
      abort.abort();
    };
  }, [round]);
  const reload = useCallback(() => {
    setRound((r) => r + 1);
  }, []);
  return { ...state, reload };
}

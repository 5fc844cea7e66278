import { useEffect, useState } from 'react';
import { apiGetBlob } from '../api/client';

export type BlobState =
  | { phase: 'loading' }
  | { phase: 'ready'; url: string }
  | { phase: 'failed'; status: number | null };

/**
 * An object URL of a file (task evidence, a citizen report's photo) fetched with the page's
 * bearer token (a plain `<img src>` sends none), revoked when the component goes away.
 */
export function useBlobUrl(path: string | null): BlobState {
  const [state, setState] = useState<BlobState>({ phase: 'loading' });
  useEffect(() => {
    if (path === null) return undefined;
    const abort = new AbortController();
    let url: string | null = null;
    setState({ phase: 'loading' });
    apiGetBlob(path, abort.signal)
      .then((blob) => {
        if (abort.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ phase: 'ready', url });
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        const status =
          typeof err === 'object' &&
          err !== null &&
          'status' in err &&
          typeof err.status === 'number'
            ? err.status
            : null;
        setState({ phase: 'failed', status });
      });
    return () => {
      abort.abort();
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [path]);
  return state;
}

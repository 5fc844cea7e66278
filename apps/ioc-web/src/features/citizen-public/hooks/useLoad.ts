import { useCallback, useEffect, useState } from 'react';

export type Load<T> =
  { phase: 'loading' } | { phase: 'ready'; data: T } | { phase: 'failed'; error: unknown };

/** One read, restarted when `key` changes or on `reload`, aborted when the page moves on. */
export function useLoad<T>(
  key: string,
  read: (signal: AbortSignal) => Promise<T>,
): Load<T> & { reload: () => void } {
  const [state, setState] = useState<Load<T>>({ phase: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    read(abort.signal).then(
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
    // `read` is a fresh closure each render; the key says when it reads something else.
  }, [key, round]);
  const reload = useCallback(() => {
    setRound((r) => r + 1);
  }, []);
  return { ...state, reload };
}

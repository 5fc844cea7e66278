import { useEffect, useMemo, useState } from 'react';
import { fetchOffices } from '../api/citizen';

/** The unit an office id belongs to: ids are "<unitCode>.<slug>" (libs/org). */
function unitOfOffice(id: string): string | null {
  const m = /^(\d{2}(?:\d{3})?)\./.exec(id);
  return m?.[1] ?? null;
}

/**
 * Names of the offices that own alerts ("department:<office id>"), fetched per unit once and
 * kept while the screen is up, so an owner reads as "Văn phòng UBND phường", not as its id.
 */
export function useOfficeNames(assignees: readonly (string | null)[]): ReadonlyMap<string, string> {
  const units = useMemo(() => {
    const out = new Set<string>();
    for (const a of assignees) {
      if (a?.startsWith('department:') !== true) continue;
      const unit = unitOfOffice(a.slice('department:'.length));
      if (unit !== null) out.add(unit);
    }
    return [...out].sort();
  }, [assignees]);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [loaded, setLoaded] = useState<ReadonlySet<string>>(new Set());
  const missing = units.filter((u) => !loaded.has(u));
  const key = missing.join(',');
  useEffect(() => {
    if (key === '') return undefined;
    const abort = new AbortController();
    const wanted = key.split(',');
    void Promise.allSettled(wanted.map((u) => fetchOffices(u, abort.signal))).then((results) => {
      if (abort.signal.aborted) return;
      setNames((before) => {
        const next = new Map(before);
        for (const r of results)
          if (r.status === 'fulfilled') for (const o of r.value) next.set(o.id, o.nameVi);
        return next;
      });
      // A unit that failed is tried again when the owners change, not in a loop.
      setLoaded((before) => new Set([...before, ...wanted]));
    });
    return () => {
      abort.abort();
    };
  }, [key]);
  return names;
}

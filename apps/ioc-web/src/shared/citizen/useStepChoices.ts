import type { UnitSummary } from '@ioc/contracts';
import { useEffect, useState } from 'react';
import { fetchOffices, type Office } from '../api/citizen';
import { fetchChildUnits, fetchUnit } from '../api/endpoints';

/** The province a ward or the province itself belongs to (the first two digits). */
export function provinceOf(unitCode: string): string {
  return unitCode.slice(0, 2);
}

/**
 * Offices a case of `unitCode` may be assigned to: the ward's own, and the province's
 * departments. A person scoped to the ward may not list the province's: those are left out.
 */
export function useAssignableOffices(unitCode: string, enabled: boolean): Office[] | null {
  const [offices, setOffices] = useState<Office[] | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    const abort = new AbortController();
    const province = provinceOf(unitCode);
    const units = unitCode === province ? [unitCode] : [unitCode, province];
    void Promise.allSettled(units.map((u) => fetchOffices(u, abort.signal))).then((results) => {
      if (abort.signal.aborted) return;
      const all = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      const seen = new Set<string>();
      setOffices(
        all.filter((o) => {
          if (seen.has(o.id) || (o.unitCode !== unitCode && o.unitCode !== province)) return false;
          seen.add(o.id);
          return true;
        }),
      );
    });
    return () => {
      abort.abort();
    };
  }, [unitCode, enabled]);
  return offices;
}

/** Units a case may be transferred to: the province and its wards, less the case's own. */
export function useTransferUnits(unitCode: string, enabled: boolean): UnitSummary[] | null {
  const [units, setUnits] = useState<UnitSummary[] | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    const abort = new AbortController();
    const province = provinceOf(unitCode);
    void Promise.all([fetchUnit(province, abort.signal), fetchChildUnits(province, abort.signal)])
      .then(([p, children]) => {
        if (abort.signal.aborted) return;
        setUnits([p, ...children.items].filter((u) => u.code !== unitCode));
      })
      .catch(() => {
        if (!abort.signal.aborted) setUnits([]);
      });
    return () => {
      abort.abort();
    };
  }, [unitCode, enabled]);
  return units;
}

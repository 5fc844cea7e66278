import type { UnitSummary } from '@ioc/contracts';
import { useEffect, useState } from 'react';
import { fetchCitizenCategories, type CitizenCategory } from '../../../shared/api/citizen';
import { fetchChildUnits, fetchUnit } from '../../../shared/api/endpoints';

export interface ConsoleChoices {
  /** The person's unit first, then the units below it. */
  units: UnitSummary[];
  categories: CitizenCategory[];
}

/** What the filters offer: the scope's units and the report categories. */
export function useConsoleChoices(scopeUnit: string): ConsoleChoices {
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [categories, setCategories] = useState<CitizenCategory[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    void Promise.all([fetchUnit(scopeUnit, abort.signal), fetchChildUnits(scopeUnit, abort.signal)])
      .then(([own, children]) => {
        if (!abort.signal.aborted) setUnits([own, ...children.items]);
      })
      .catch(() => undefined);
    void fetchCitizenCategories(abort.signal)
      .then((items) => {
        if (!abort.signal.aborted) setCategories(items);
      })
      .catch(() => undefined);
    return () => {
      abort.abort();
    };
  }, [scopeUnit]);
  return { units, categories };
}

import type { DossierRate } from '@ioc/contracts';
import type { ComputedIndicator } from '../ports';
import type { StoredDossier } from '../repo/dossier.repository';

type Facts = Pick<StoredDossier, 'dueAt' | 'finishedAt' | 'onlineFullProcess'>;

/**
 * On-time and overdue rates of a group of dossiers at `now`. On time = finished by the due time,
 * over the finished ones; overdue = open past due or finished late, over all of them. Rates are
 * null where their denominator is zero (never 0 % for "nothing to measure").
 */
export function rateOf(key: string, dossiers: readonly Facts[], now: Date): DossierRate {
  let finished = 0;
  let finishedOnTime = 0;
  let overdue = 0;
  let online = 0;
  for (const d of dossiers) {
    const due = Date.parse(d.dueAt);
    if (d.onlineFullProcess) online++;
    if (d.finishedAt === null) {
      if (now.getTime() > due) overdue++;
      continue;
    }
    finished++;
    if (Date.parse(d.finishedAt) <= due) finishedOnTime++;
    else overdue++;
  }
  const total = dossiers.length;
  return {
    key,
    total,
    finished,
    finishedOnTime,
    overdue,
    online,
    onTimeRate: finished === 0 ? null : finishedOnTime / finished,
    overdueRate: total === 0 ? null : overdue / total,
  };
}

/** Rates grouped by a key (unit, field), sorted by key. */
export function ratesBy<T extends Facts>(
  dossiers: readonly T[],
  keyOf: (d: T) => string,
  now: Date,
): DossierRate[] {
  const groups = new Map<string, T[]>();
  for (const d of dossiers) {
    const k = keyOf(d);
    const list = groups.get(k) ?? [];
    list.push(d);
    groups.set(k, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, list]) => rateOf(k, list, now));
}

export const ONLINE_DOSSIERS_INDICATOR = 'dx.dossiers_processed_online';
export const FULL_PROCESS_SERVICES_INDICATOR = 'dx.full_process_online_services';

/**
 * The online-processing indicators of one month, per unit, from the dossiers received in it:
 * - dx.dossiers_processed_online = dossiers received online (full process) / dossiers received;
 * - dx.full_process_online_services = procedures with at least one full-process online dossier
 *   / procedures with any dossier (the procedures the unit actually handled).
 * Each as numerator and denominator, so the province rolls its wards up as Σ/Σ.
 */
export function onlineIndicators(
  dossiers: readonly Pick<StoredDossier, 'unitCode' | 'procedureCode' | 'onlineFullProcess'>[],
  period: string,
): ComputedIndicator[] {
  const byUnit = new Map<string, typeof dossiers>();
  for (const d of dossiers) byUnit.set(d.unitCode, [...(byUnit.get(d.unitCode) ?? []), d]);
  const out: ComputedIndicator[] = [];
  for (const [unitCode, list] of [...byUnit.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const procedures = new Set(list.map((d) => d.procedureCode));
    const onlineProcedures = new Set(
      list.filter((d) => d.onlineFullProcess).map((d) => d.procedureCode),
    );
    out.push(
      {
        indicatorCode: ONLINE_DOSSIERS_INDICATOR,
        unitCode,
        period,
        numerator: list.filter((d) => d.onlineFullProcess).length,
        denominator: list.length,
      },
      {
        indicatorCode: FULL_PROCESS_SERVICES_INDICATOR,
        unitCode,
        period,
        numerator: onlineProcedures.size,
        denominator: procedures.size,
      },
    );
  }
  return out;
}

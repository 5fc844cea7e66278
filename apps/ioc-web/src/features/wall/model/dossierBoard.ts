import type { DossierListResponse, DossierStatsResponse } from '@ioc/contracts';
import { TIME_ZONE } from '../../../shared/i18n/format';

/** A unit and how many of its open dossiers are past due. */
export interface OverdueUnit {
  unitCode: string;
  overdue: number;
}

/** A ward's on-time rate: dossiers finished by their due time over those finished. */
export interface WardOnTime {
  unitCode: string;
  rate: number;
  finished: number;
  finishedOnTime: number;
}

export interface DossierBoard {
  /** Open, not yet past due, due before midnight (Việt Nam time). */
  dueToday: number;
  /** Open and past due. */
  overdueTotal: number;
  /** Units with open overdue dossiers, most first; only `rows.units` of them. */
  overdueUnits: OverdueUnit[];
  /** Overdue dossiers of the units that did not fit. */
  otherUnitsOverdue: number;
  /** Wards with finished dossiers, lowest on-time rate first; only `rows.wards` of them. */
  wards: WardOnTime[];
  /** Wards with a rate that did not fit. */
  otherWards: number;
  /** Dossiers received fully online over all dossiers (null without any). */
  onlineShare: number | null;
  /** The open list filled its page: the counts above are at least these. */
  capped: boolean;
}

/** `YYYY-MM-DD` of an instant in Việt Nam time. */
function vnDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));
}

/**
 * What the wall's services scene shows from `GET /dossiers?state=open` and `/dossiers/stats`:
 * the open dossiers due today and past due (per unit), and the on-time rate per ward. A ward
 * with nothing finished has no rate and is not ranked (never "0 %" for nothing to measure).
 */
export function dossierBoard(
  open: DossierListResponse | null,
  stats: DossierStatsResponse | null,
  rows: { units: number; wards: number },
  now: number,
  openLimit: number,
): DossierBoard | null {
  if (open === null || stats === null) return null;
  const today = vnDay(now);
  let dueToday = 0;
  const overdueBy = new Map<string, number>();
  for (const d of open.items) {
    if (d.finishedAt !== null) continue;
    const due = Date.parse(d.dueAt);
    if (due < now) overdueBy.set(d.unitCode, (overdueBy.get(d.unitCode) ?? 0) + 1);
    else if (vnDay(due) === today) dueToday++;
  }
  const units = [...overdueBy.entries()]
    .map(([unitCode, overdue]) => ({ unitCode, overdue }))
    .sort((a, b) => b.overdue - a.overdue || a.unitCode.localeCompare(b.unitCode));
  const wards = stats.byUnit
    .filter((u) => u.onTimeRate !== null && u.finished > 0)
    .map((u) => ({
      unitCode: u.key,
      rate: u.onTimeRate ?? 0,
      finished: u.finished,
      finishedOnTime: u.finishedOnTime,
    }))
    .sort(
      (a, b) => a.rate - b.rate || b.finished - a.finished || a.unitCode.localeCompare(b.unitCode),
    );
  const total = stats.byUnit.reduce((n, u) => n + u.total, 0);
  const online = stats.byUnit.reduce((n, u) => n + u.online, 0);
  return {
    dueToday,
    overdueTotal: units.reduce((n, u) => n + u.overdue, 0),
    overdueUnits: units.slice(0, rows.units),
    otherUnitsOverdue: units.slice(rows.units).reduce((n, u) => n + u.overdue, 0),
    wards: wards.slice(0, rows.wards),
    otherWards: Math.max(0, wards.length - rows.wards),
    onlineShare: total === 0 ? null : online / total,
    capped: open.items.length >= openLimit,
  };
}

/** A rate as a whole percent ("83%"), "—" when there is nothing to measure. */
export function percentText(rate: number | null, num: (v: number, digits?: number) => string) {
  return rate === null ? '—' : `${num(Math.round(rate * 100), 0)}%`;
}

import { dossierListResponse, type DossierView } from '@ioc/contracts';
import { apiGet } from '../../../shared/api/client';

/** A dossier on the tablet: overdue, or due within the warning window (24 h). */
export interface DueDossier {
  dossier: DossierView;
  overdue: boolean;
  /** Milliseconds from now to the due time; negative when overdue. */
  leftMs: number;
}

const path = (unit: string, state: 'overdue' | 'due-soon') =>
  `/api/v1/dossiers?${new URLSearchParams({ unit, state, limit: '200' }).toString()}`;

/** The unit's overdue and due-soon dossiers, in the contract's `dossierListQuery` states. */
export async function fetchDueDossiers(unit: string, signal?: AbortSignal) {
  const [overdue, soon] = await Promise.all([
    apiGet(path(unit, 'overdue'), signal),
    apiGet(path(unit, 'due-soon'), signal),
  ]);
  return {
    overdue: dossierListResponse.parse(overdue).items,
    soon: dossierListResponse.parse(soon).items,
  };
}

/**
 * One list to work down: overdue first (the longest overdue at the top), then those due soon
 * (the nearest due first). A dossier in both answers (due soon and just past due) is listed once.
 */
export function dueDossiers(
  overdue: readonly DossierView[],
  soon: readonly DossierView[],
  now: number,
): DueDossier[] {
  const seen = new Map<string, DueDossier>();
  for (const d of [...overdue, ...soon]) {
    if (seen.has(d.code) || d.finishedAt !== null) continue;
    const leftMs = Date.parse(d.dueAt) - now;
    seen.set(d.code, { dossier: d, overdue: d.overdue || leftMs < 0, leftMs });
  }
  return [...seen.values()].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.leftMs - b.leftMs,
  );
}

/** Hours (or minutes under one hour, days from two) of a duration, for "còn 3 giờ". */
export function spanParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

import { ageRgb, type Rgb } from '../../../shared/citizen/ageColors';
import { ageHours, isOpenStatus, type QueueCase } from '../../../shared/citizen/caseModel';

/**
 * The wall's citizen-reports scene (issue 14): open cases as map points coloured by age (red
 * once overdue), the queue oldest first, and the wards ranked by on-time handling and
 * satisfaction. Pure; the hook feeds it the staff list, the stats and WebSocket changes.
 */

/** A case on the wall: the queue fields and the exact position (staff view). */
export interface BoardCase extends QueueCase {
  unitCode: string;
  lat: number;
  lon: number;
  moderation: string;
}

/** What a `citizen` WebSocket message says about one case (CitizenChanged). */
export interface CaseChange {
  caseId: string;
  code: string;
  unitCode: string;
  status: string;
  overdue: boolean;
  moderation: string;
  updatedAt: string;
  lat: number;
  lon: number;
}

export interface CasePoint {
  id: string;
  code: string;
  lon: number;
  lat: number;
  rgb: Rgb;
  overdue: boolean;
}

/** The map's points: open, not spam, with a position. */
export function casePoints(cases: readonly BoardCase[], now: number): CasePoint[] {
  return cases
    .filter((c) => isOpenStatus(c.status) && c.moderation !== 'spam')
    .filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))
    .map((c) => ({
      id: c.id,
      code: c.code,
      lon: c.lon,
      lat: c.lat,
      rgb: ageRgb(ageHours(c.receivedAt, now), c.overdue),
      overdue: c.overdue,
    }));
}

/** The wall's queue: the oldest open case first (it has waited longest), overdue on ties. */
export function oldestFirst<T extends QueueCase>(cases: readonly T[]): T[] {
  return cases
    .filter((c) => isOpenStatus(c.status))
    .sort(
      (a, b) =>
        Date.parse(a.receivedAt) - Date.parse(b.receivedAt) ||
        Number(b.overdue) - Number(a.overdue) ||
        a.code.localeCompare(b.code),
    );
}

/**
 * Applies one pushed change to the open cases the wall holds: a case that left the open states
 * (or was marked spam) leaves the map; a known one takes the new status, overdue and position;
 * an unknown open one is added with its change time as its age until the next refetch brings
 * the real receipt time.
 */
export function applyChange(cases: readonly BoardCase[], change: CaseChange): BoardCase[] {
  const open = isOpenStatus(change.status) && change.moderation !== 'spam';
  const known = cases.find((c) => c.id === change.caseId);
  if (!open) return known ? cases.filter((c) => c.id !== change.caseId) : [...cases];
  const next: BoardCase = {
    id: change.caseId,
    code: change.code,
    unitCode: change.unitCode,
    status: change.status,
    overdue: change.overdue,
    moderation: change.moderation,
    lat: change.lat,
    lon: change.lon,
    receivedAt: known?.receivedAt ?? change.updatedAt,
  };
  return known ? cases.map((c) => (c.id === change.caseId ? next : c)) : [...cases, next];
}

/** One ward's handling figures, as the stats API gives them. */
export interface WardFigures {
  unitCode: string;
  unitName: string;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
}

export interface RankedWard {
  unitCode: string;
  unitName: string;
  /** Resolved on time / resolved, 0–1; null when the ward resolved nothing yet. */
  rate: number | null;
  /** How many resolved cases the rate is over. */
  base: number;
}

/**
 * Wards by their on-time rate, best first; among equal rates the one with more resolved cases
 * first; wards with nothing resolved last, by name.
 */
export function rankWards(units: readonly WardFigures[]): RankedWard[] {
  return units
    .map((u) => ({
      unitCode: u.unitCode,
      unitName: u.unitName,
      rate: u.onTimeRate,
      base: u.resolved,
    }))
    .sort(
      (a, b) =>
        (a.rate === null ? 1 : 0) - (b.rate === null ? 1 : 0) ||
        (b.rate ?? 0) - (a.rate ?? 0) ||
        b.base - a.base ||
        a.unitName.localeCompare(b.unitName, 'vi'),
    );
}

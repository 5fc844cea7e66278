import { useEffect, useRef, useState } from 'react';
import {
  fetchCitizenCases,
  fetchCitizenStats,
  type CitizenList,
  type CitizenStats,
} from '../../../shared/api/citizen';
import type { LiveFeed } from '../../../shared/live/liveFeed';
import { applyChange, type BoardCase } from '../model/citizenBoard';
import type { PolledSnapshot } from '../model/polledResource';
import { usePolled } from './usePolled';

/** Cases change by people's hands; pushes move the map at once, the poll repairs the rest. */
export const CITIZEN_REFRESH_MS = 2 * 60_000;
/** A burst of pushes costs one refetch (stats and receipt times of cases new to the wall). */
const PUSH_SETTLE_MS = 1_500;
/** The open cases of a province fit one page; the oldest ones matter most and come first. */
const OPEN_LIMIT = 200;

export interface CitizenBoard {
  cases: PolledSnapshot<CitizenList>;
  stats: PolledSnapshot<CitizenStats>;
  /** The open cases as the wall shows them: the last list with the pushes since applied. */
  open: readonly BoardCase[];
}

function boardCases(list: CitizenList | null): BoardCase[] {
  return (list?.items ?? []).map((c) => ({
    id: c.id,
    code: c.code,
    status: c.status,
    overdue: c.overdue,
    receivedAt: c.receivedAt,
    unitCode: c.unitCode,
    lat: c.lat,
    lon: c.lon,
    moderation: c.moderation,
  }));
}

/**
 * The wall's citizen-reports source (issue 14): the unit's open cases and this month's stats
 * per ward, polled; each `citizen` push is applied to the map's points at once and followed
 * shortly by a refetch of both.
 */
export function useCitizenBoard(
  unitCode: string,
  feed: LiveFeed | null,
  kick: unknown,
  enabled: boolean,
): CitizenBoard {
  const cases = usePolled<CitizenList>(
    enabled ? `citizen-open:${unitCode}` : null,
    {
      load: (signal) =>
        fetchCitizenCases({ unit: unitCode, status: 'open', limit: OPEN_LIMIT }, signal),
      asOfOf: (l) => l.asOf,
      intervalMs: CITIZEN_REFRESH_MS,
    },
    kick,
  );
  const stats = usePolled<CitizenStats>(
    enabled ? `citizen-stats:${unitCode}` : null,
    {
      load: (signal) => fetchCitizenStats(unitCode, null, signal),
      asOfOf: (s) => s.asOf,
      intervalMs: CITIZEN_REFRESH_MS,
    },
    kick,
  );
  const list = cases.snapshot.data;
  const [open, setOpen] = useState<readonly BoardCase[]>([]);
  useEffect(() => {
    setOpen(boardCases(list));
  }, [list]);

  const refreshRef = useRef(() => {
    cases.refresh();
    stats.refresh();
  });
  refreshRef.current = () => {
    cases.refresh();
    stats.refresh();
  };
  useEffect(() => {
    if (!feed || !enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = feed.subscribeEvents((_type, msg) => {
      if (msg.type !== 'citizen') return;
      const change = msg.citizen;
      setOpen((current) => applyChange(current, change));
      timer ??= setTimeout(() => {
        timer = null;
        refreshRef.current();
      }, PUSH_SETTLE_MS);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [feed, enabled]);
  return { cases: cases.snapshot, stats: stats.snapshot, open };
}

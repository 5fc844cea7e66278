import type { TaskListResponse } from '@ioc/contracts';
import { useEffect, useRef } from 'react';
import { fetchTasks } from '../../../shared/api/tasks';
import type { LiveFeed } from '../../../shared/live/liveFeed';
import type { PolledSnapshot } from '../model/polledResource';
import { usePolled } from './usePolled';

/** Tasks change by people's hands, a few times a day; pushes bring changes in between. */
export const TASKS_REFRESH_MS = 2 * 60_000;
/** A burst of pushes (a seed, a batch of updates) costs one refetch. */
const PUSH_SETTLE_MS = 1_500;
/** Enough of the month's tasks for the panel's rows and its counts. */
const MONTH_LIMIT = 200;
/** Pushed changes that can move the panel's numbers. */
const RELEVANT = new Set(['task', 'wall', 'indicator']);

/**
 * The wall's tasks source: the unit's tasks due this month with the overdue counts per lead,
 * polled, and refetched shortly after the live socket announces a task change (`task`
 * messages on `unit:<code>`, issue 13).
 */
export function useTasksBoard(
  unitCode: string,
  feed: LiveFeed | null,
  kick: unknown,
  enabled: boolean,
): PolledSnapshot<TaskListResponse> {
  const { snapshot, refresh } = usePolled<TaskListResponse>(
    enabled ? `tasks:${unitCode}` : null,
    {
      load: (signal) =>
        fetchTasks({ unit: unitCode, due: 'this_month', limit: MONTH_LIMIT }, signal),
      asOfOf: (l) => l.asOf,
      intervalMs: TASKS_REFRESH_MS,
    },
    kick,
  );
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    if (!feed || !enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = feed.subscribeEvents((type) => {
      if (!RELEVANT.has(type) || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        refreshRef.current();
      }, PUSH_SETTLE_MS);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [feed, enabled]);
  return snapshot;
}

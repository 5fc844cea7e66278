import type { TaskListResponse } from '@ioc/contracts';
import { fetchTasks } from '../../../shared/api/tasks';
import { useResource } from '../../../shared/api/useResource';
import { classifyFailure, type TabletErrorKind } from './useTabletData';

/** Tasks change a few times a day; the list reloads with the page's own refresh too. */
const TASKS_REFRESH_MS = 60_000;

export interface WardTasksState {
  list: TaskListResponse | null;
  error: TabletErrorKind | 'offline' | null;
  loading: boolean;
  reload: () => void;
}

/** Signed out: the app takes the reader to the login page; nothing to show here. */
export function tabletFailure(err: unknown): TabletErrorKind | 'offline' | null {
  const kind = classifyFailure(err);
  return kind === 'signedOut' ? null : kind;
}

/** The unit's plan tasks (led by it or a unit below it), reloaded every minute. */
export function useWardTasks(unit: string | null, kick: unknown): WardTasksState {
  const { data, error, loading, reload } = useResource(
    unit ?? '',
    (signal) => fetchTasks({ unit: unit ?? '', limit: 500 }, signal),
    {
      classify: tabletFailure,
      // A failed refresh keeps the list on screen, marked by the error.
      drops: () => false,
      kick,
      refreshMs: TASKS_REFRESH_MS,
      enabled: unit !== null,
    },
  );
  return { list: data, error: error?.kind ?? null, loading, reload };
}

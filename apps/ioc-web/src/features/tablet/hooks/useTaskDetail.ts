import type { TaskDetail } from '@ioc/contracts';
import { fetchTask } from '../../../shared/api/tasks';
import { useResource } from '../../../shared/api/useResource';
import { classifyFailure, type TabletErrorKind } from './useTabletData';

export interface TaskDetailState {
  task: TaskDetail | null;
  error: { kind: TabletErrorKind | 'offline'; message: string } | null;
  loading: boolean;
  reload: () => void;
}

/** One task with its updates; reloaded after a progress post. */
export function useTaskDetail(id: string): TaskDetailState {
  const { data, ...rest } = useResource(id, (signal) => fetchTask(id, signal), {
    // Signed out: the app takes the reader to the login page; nothing to show here.
    classify: (err) => {
      const kind = classifyFailure(err);
      return kind === 'signedOut' ? null : kind;
    },
    // A refused task is never kept on screen.
    drops: (kind) => kind === 'forbidden' || kind === 'notFound',
  });
  return { task: data, ...rest };
}

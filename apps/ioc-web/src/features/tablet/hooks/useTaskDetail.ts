import type { TaskDetail } from '@ioc/contracts';
import { fetchTask } from '../../../shared/api/tasks';
import { useResource } from '../../../shared/api/useResource';
import type { TabletErrorKind } from './useTabletData';
import { tabletFailure } from './useWardTasks';

export interface TaskDetailState {
  task: TaskDetail | null;
  error: { kind: TabletErrorKind | 'offline'; message: string } | null;
  loading: boolean;
  reload: () => void;
}

/** One task with its updates; reloaded after a progress post. */
export function useTaskDetail(id: string): TaskDetailState {
  const { data, ...rest } = useResource(id, (signal) => fetchTask(id, signal), {
    classify: tabletFailure,
    // A refused task is never kept on screen.
    drops: (kind) => kind === 'forbidden' || kind === 'notFound',
  });
  return { task: data, ...rest };
}

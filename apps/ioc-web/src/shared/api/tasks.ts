import {
  taskDetailSchema,
  taskListResponse,
  type TaskDetail,
  type TaskListResponse,
  type TaskStatus,
} from '@ioc/contracts';
import { apiGet } from './client';
import { call, enc } from './call';

// Plan tasks (issue 13), read by the wall's tasks panel and the tablet; parsed with the
// contract's schemas. Progress is posted by the tablet with the person's session.

export interface TaskListParams {
  unit: string;
  /** `this_month`, `overdue` or a month `YYYY-MM`. */
  due?: string;
  status?: readonly TaskStatus[];
  limit?: number;
}

export function taskListPath(p: TaskListParams): string {
  const q = new URLSearchParams({ unit: p.unit });
  if (p.due !== undefined) q.set('due', p.due);
  if (p.status !== undefined && p.status.length > 0) q.set('status', p.status.join(','));
  if (p.limit !== undefined) q.set('limit', String(p.limit));
  return `/api/v1/tasks?${q.toString()}`;
}

export async function fetchTasks(
  p: TaskListParams,
  signal?: AbortSignal,
): Promise<TaskListResponse> {
  return taskListResponse.parse(await apiGet(taskListPath(p), signal));
}

export async function fetchTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return taskDetailSchema.parse(await apiGet(`/api/v1/tasks/${enc(id)}`, signal));
}

export interface ProgressInput {
  progress: number;
  status: 'not_started' | 'in_progress' | 'done' | null;
  note: string;
  files: readonly File[];
}

/** The multipart body of `POST /api/v1/tasks/{id}/progress` (fields, then `evidence` files). */
export function progressForm(input: ProgressInput): FormData {
  const form = new FormData();
  form.set('progress', String(input.progress));
  if (input.status !== null) form.set('status', input.status);
  form.set('note', input.note);
  for (const f of input.files) form.append('evidence', f, f.name);
  return form;
}

/** Posts progress with the person's session; the caller reloads the task to show it. */
export async function postTaskProgress(id: string, input: ProgressInput): Promise<void> {
  await call('POST', `/api/v1/tasks/${enc(id)}/progress`, { body: progressForm(input) });
}

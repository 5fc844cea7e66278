import type { TaskView } from '@ioc/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { navigate } from '../../../shared/ui/usePathname';
import type { WardTasksState } from '../hooks/useWardTasks';
import { dayText, sortTasks, taskPath } from '../model/tasks';
import { TaskProgress, TaskStatusChip } from './TaskStatusChip';

/** The unit's plan tasks, those needing attention first; a row opens the task. */
export function TasksSection({ state }: { state: WardTasksState }) {
  const { t } = useI18n();
  const tasks = useMemo(
    () => sortTasks((state.list?.items ?? []).filter((x) => x.status !== 'cancelled')),
    [state.list],
  );
  const overdue = state.list?.counts.byStatus.overdue ?? 0;
  let body;
  if (state.list === null) {
    body =
      state.error === null ? (
        <p className="tablet-empty" data-state={state.loading ? 'loading' : undefined}>
          {t('tablet.loading')}
        </p>
      ) : (
        <p className="tablet-notice is-error" role="alert" data-testid="tasks-error">
          {t(state.error === 'forbidden' ? 'tasks.error.forbidden' : 'tasks.error.load')}
        </p>
      );
  } else if (tasks.length === 0) {
    body = <p className="tablet-empty">{t('tasks.none')}</p>;
  } else {
    body = (
      <ol className="task-list" data-testid="task-list">
        {tasks.map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </ol>
    );
  }
  return (
    <section className="tablet-section" aria-labelledby="tablet-tasks-title" data-testid="tasks">
      <h2 id="tablet-tasks-title">
        {t('tasks.section')}
        {tasks.length > 0 && <span className="tablet-count">{tasks.length}</span>}
        {overdue > 0 && (
          <span className="task-chip task-overdue" data-testid="tasks-overdue-count">
            {t('tasks.overdueCount', { n: overdue })}
          </span>
        )}
      </h2>
      {body}
    </section>
  );
}

function TaskRow({ task }: { task: TaskView }) {
  const { t, lang } = useI18n();
  const title = lang === 'en' && task.titleEn ? task.titleEn : task.titleVi;
  const lead = task.leadOfficeName ?? task.leadVi ?? task.leadUnitName ?? task.leadUnitCode;
  const due = dayText(task.dueDate);
  const href = taskPath(task.id);
  return (
    <li className={`task-row task-${task.status}`}>
      <a
        href={href}
        className="task-link"
        data-testid="task"
        data-task-id={task.id}
        data-status={task.status}
        onClick={(e) => {
          e.preventDefault();
          navigate(href);
        }}
      >
        <span className="task-row-head">
          <TaskStatusChip status={task.status} />
          <span className="task-due">
            {due === null ? t('tasks.noDue') : t('tasks.due', { date: due })}
          </span>
        </span>
        <span className="task-title">{title}</span>
        <span className="task-row-foot">
          <span className="tablet-meta">{t('tasks.lead', { lead })}</span>
          <TaskProgress value={task.progress} />
        </span>
      </a>
    </li>
  );
}

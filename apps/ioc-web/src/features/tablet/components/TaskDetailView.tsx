import type { TaskDetail } from '@ioc/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { navigate } from '../../../shared/ui/usePathname';
import { useTaskDetail } from '../hooks/useTaskDetail';
import { dayText } from '../model/tasks';
import { ProgressForm } from './ProgressForm';
import { TaskProgress, TaskStatusChip } from './TaskStatusChip';
import { TaskUpdates } from './TaskUpdates';

export interface TaskDetailViewProps {
  id: string;
  /** The signed-in person may post progress (`tasks.work`). */
  canWork: boolean;
  /** Called after progress was posted (the list behind refreshes too). */
  onChanged: () => void;
}

/** `/tablet/tasks/:id` — one task, its facts as the plan prints them, its updates and evidence. */
export function TaskDetailView({ id, canWork, onChanged }: TaskDetailViewProps) {
  const { t } = useI18n();
  const state = useTaskDetail(id);
  const back = (
    <a
      href="/tablet"
      className="tablet-button is-outline task-back"
      data-testid="task-back"
      onClick={(e) => {
        e.preventDefault();
        navigate('/tablet');
      }}
    >
      {t('tasks.back')}
    </a>
  );
  if (state.task === null) {
    const kind = state.error?.kind;
    return (
      <section
        className="tablet-section"
        data-testid="task-detail"
        data-state={state.loading ? 'loading' : 'error'}
      >
        {back}
        {state.error === null ? (
          <p className="tablet-empty">{t('tablet.loading')}</p>
        ) : (
          <p
            className="tablet-notice is-error"
            role="alert"
            data-testid="task-error"
            data-kind={kind}
          >
            {kind === 'forbidden'
              ? t('tasks.error.forbidden')
              : kind === 'notFound'
                ? t('tasks.error.notFound')
                : t('tasks.error.load')}
          </p>
        )}
      </section>
    );
  }
  const task = state.task;
  return (
    <section
      className="tablet-section task-detail"
      data-testid="task-detail"
      data-task-id={task.id}
      data-state="ready"
      aria-labelledby="task-detail-title"
    >
      {back}
      <TaskFacts task={task} />
      {canWork && task.status !== 'cancelled' && (
        // Not keyed on the task's version: the form keeps its "sent" notice across the reload
        // that follows a post (its percent and status are what the task now has anyway).
        <ProgressForm
          taskId={task.id}
          progress={task.progress}
          status={task.status}
          onPosted={() => {
            state.reload();
            onChanged();
          }}
        />
      )}
      <h3 className="task-subtitle">{t('tasks.updates.title')}</h3>
      <TaskUpdates updates={task.updates} />
    </section>
  );
}

function TaskFacts({ task }: { task: TaskDetail }) {
  const { t, lang } = useI18n();
  const title = lang === 'en' && task.titleEn ? task.titleEn : task.titleVi;
  const lead = task.leadOfficeName ?? task.leadVi ?? task.leadUnitName ?? task.leadUnitCode;
  const facts: [string, ReactNode][] = [
    [t('tasks.fact.lead'), lead],
    [t('tasks.fact.due'), dayText(task.dueDate) ?? task.periodVi ?? t('tasks.noDue')],
  ];
  if (task.periodVi !== null && task.dueDate !== null)
    facts.push([t('tasks.fact.period'), task.periodVi]);
  if (task.cooperatingVi !== null) facts.push([t('tasks.fact.cooperating'), task.cooperatingVi]);
  if (task.productVi !== null) facts.push([t('tasks.fact.product'), task.productVi]);
  if (task.kpiVi !== null) facts.push([t('tasks.fact.kpi'), task.kpiVi]);
  if (task.source !== null) facts.push([t('tasks.fact.source'), task.source]);
  return (
    <div className={`task-facts task-${task.status}`}>
      <p className="tablet-indicator-kicker">{task.code}</p>
      <h2 id="task-detail-title" className="task-detail-title" data-testid="task-title">
        {title}
      </h2>
      <div className="task-update-head">
        <TaskStatusChip status={task.status} />
        <TaskProgress value={task.progress} />
      </div>
      {task.detailVi !== null && <p>{task.detailVi}</p>}
      <dl className="task-fact-list">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

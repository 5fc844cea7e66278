import type { TaskListResponse, TaskView } from '@ioc/contracts';
import { useI18n, type I18n } from '../../../shared/i18n/useI18n';
import { taskBoard } from '../model/taskBoard';
import { PanelCard } from './PanelCard';

export interface TasksPanelsProps {
  list: TaskListResponse | null;
  asOf: string | null;
  stale: boolean;
  /** Fixed row counts, so the column never overflows (see ScenePanels). */
  leadRows: number;
  dueRows: number;
}

/** The tasks scene: overdue plan tasks by lead unit, and the tasks due this month. */
export function TasksPanels({ list, asOf, stale, leadRows, dueRows }: TasksPanelsProps) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const board = taskBoard(list, { leads: leadRows, due: dueRows });
  const leads = board?.leads ?? [];
  const hidden = board?.otherLeadsOverdue ?? 0;
  const top = leads[0]?.overdue ?? 0;
  const due = board?.dueThisMonth ?? [];
  return (
    <>
      <PanelCard
        name="tasks-overdue"
        title={t('tasks.wall.overdueTitle')}
        asOf={asOf}
        stale={stale}
      >
        {board === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <>
            <p
              className="tasks-total"
              data-testid="tasks-overdue-total"
              data-value={board.overdueTotal}
            >
              <span className="tasks-total-n">{num(board.overdueTotal, 0)}</span>
              <span className="tasks-total-label">{t('tasks.wall.overdueCount')}</span>
            </p>
            {leads.length === 0 ? (
              <p className="muted">{t('tasks.wall.noneOverdue')}</p>
            ) : (
              <ol className="tasks-leads">
                {leads.map((l) => (
                  <li
                    key={l.key}
                    className="tasks-lead"
                    data-testid="overdue-lead"
                    data-lead={l.key}
                    data-overdue={l.overdue}
                  >
                    <span className="tasks-lead-name" title={l.name}>
                      {l.name}
                    </span>
                    <span className="tasks-lead-bar" aria-hidden="true">
                      <span
                        style={{ width: `${String(top > 0 ? (100 * l.overdue) / top : 0)}%` }}
                      />
                    </span>
                    <span className="tasks-lead-n">{num(l.overdue, 0)}</span>
                  </li>
                ))}
              </ol>
            )}
            {hidden > 0 && (
              <p className="tasks-more">{t('tasks.wall.otherLeads', { n: num(hidden, 0) })}</p>
            )}
          </>
        )}
      </PanelCard>
      <PanelCard
        name="tasks-due"
        title={t('tasks.wall.dueTitle', { month: board?.month ?? '' })}
        asOf={asOf}
        stale={stale}
      >
        {board === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : due.length === 0 ? (
          <p className="muted">{t('tasks.wall.noneDue')}</p>
        ) : (
          <>
            <p className="tasks-due-summary">
              {t('tasks.wall.dueSummary', {
                done: num(board.dueDone, 0),
                total: num(board.dueTotal, 0),
              })}
            </p>
            <ol className="tasks-due">
              {due.map((task) => (
                <DueRow key={task.id} task={task} i18n={i18n} />
              ))}
            </ol>
            {board.dueTotal > due.length && (
              <p className="tasks-more">
                {t('tasks.wall.moreDue', { n: num(board.dueTotal - due.length, 0) })}
              </p>
            )}
          </>
        )}
      </PanelCard>
    </>
  );
}

/** The lead as the plan names it: the office, else the agency as printed, else the unit. */
export function leadName(task: TaskView): string {
  return task.leadOfficeName ?? task.leadVi ?? task.leadUnitName ?? task.leadUnitCode;
}

function shortDate(day: string | null): string {
  if (day === null) return '—';
  const [, m, d] = day.split('-');
  return `${d ?? ''}/${m ?? ''}`;
}

function DueRow({ task, i18n }: { task: TaskView; i18n: I18n }) {
  const { t, num, lang } = i18n;
  const title = lang === 'en' && task.titleEn ? task.titleEn : task.titleVi;
  const lead = leadName(task);
  return (
    <li
      className={`tasks-due-row task-${task.status}`}
      data-testid="due-task"
      data-task-id={task.id}
      data-status={task.status}
    >
      <span className="tasks-due-dot" title={t(`tasks.status.${task.status}`)} />
      <span className="tasks-due-title" title={title}>
        {title}
      </span>
      <span className="tasks-due-progress">{num(task.progress, 0)}%</span>
      <span className="tasks-due-meta" title={lead}>
        {t('tasks.wall.dueMeta', { lead, date: shortDate(task.dueDate) })}
      </span>
      <span className="tasks-due-status">{t(`tasks.status.${task.status}`)}</span>
    </li>
  );
}

import type { TaskDetail } from '@ioc/contracts';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { TaskEvidence } from './TaskEvidence';
import { TaskProgress, TaskStatusChip } from './TaskStatusChip';

/** The task's progress updates, newest first, each with its note and evidence. */
export function TaskUpdates({ updates }: { updates: TaskDetail['updates'] }) {
  const { t } = useI18n();
  if (updates.length === 0) return <p className="tablet-empty">{t('tasks.updates.none')}</p>;
  return (
    <ol className="task-updates" data-testid="task-updates">
      {updates.map((u) => (
        <li key={u.id} className="task-update" data-testid="task-update" data-update-id={u.id}>
          <div className="task-update-head">
            <TaskStatusChip status={u.status} />
            <TaskProgress value={u.progress} />
          </div>
          <p className="tablet-meta">
            {t('tasks.updates.by', { time: formatDateTime(new Date(u.at)), actor: u.actor })}
          </p>
          {u.note !== '' && (
            <p className="task-update-note" data-testid="task-update-note">
              {u.note}
            </p>
          )}
          {u.evidence.length > 0 && (
            <ul className="task-evidence-list">
              {u.evidence.map((e) => (
                <TaskEvidence key={e.id} file={e} />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

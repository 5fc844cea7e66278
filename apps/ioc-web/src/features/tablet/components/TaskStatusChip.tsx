import type { TaskStatus } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';

/** A task's status in words on its colour (colour alone fails in glare). */
export function TaskStatusChip({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <span className={`task-chip task-${status}`} data-testid="task-status" data-status={status}>
      {t(`tasks.status.${status}`)}
    </span>
  );
}

/** Progress as a bar with its percent written beside it. */
export function TaskProgress({ value }: { value: number }) {
  const { t, num } = useI18n();
  return (
    <span className="task-progress" data-testid="task-progress" data-value={value}>
      <span
        className="task-progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={t('tasks.progress')}
      >
        <span style={{ width: `${String(value)}%` }} />
      </span>
      <span className="task-progress-n">{num(value, 0)}%</span>
    </span>
  );
}

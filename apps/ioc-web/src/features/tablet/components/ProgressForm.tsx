import { TASK_EVIDENCE_LIMITS, type TaskStatus } from '@ioc/contracts';
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { AdminApiError } from '../../../shared/api/call';
import { postTaskProgress } from '../../../shared/api/tasks';
import { useI18n } from '../../../shared/i18n/useI18n';
import { WORK_STATUSES, initialWorkStatus, parsePercent, type WorkStatus } from '../model/tasks';

export interface ProgressFormProps {
  taskId: string;
  progress: number;
  status: TaskStatus;
  /** Called after the API accepted the update (the page reloads the task). */
  onPosted: () => void;
}

type Problem =
  | { key: 'tasks.form.badPercent' }
  | { key: 'tasks.form.tooMany'; n: number }
  | { key: 'tasks.form.tooBig'; name: string }
  | { key: 'tasks.form.failed'; message: string };

/**
 * A ward operator's progress update: percent, status, a note and photos taken with the tablet's
 * camera (`capture="environment"` opens the back camera; a file can still be picked), sent as
 * multipart/form-data.
 */
export function ProgressForm({ taskId, progress, status, onPosted }: ProgressFormProps) {
  const { t, num } = useI18n();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState(String(progress));
  const [workStatus, setWorkStatus] = useState<WorkStatus>(initialWorkStatus(status));
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState(false);

  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    const value = parsePercent(percent);
    if (value === null) {
      setProblem({ key: 'tasks.form.badPercent' });
      return;
    }
    if (files.length > TASK_EVIDENCE_LIMITS.maxFiles) {
      setProblem({ key: 'tasks.form.tooMany', n: TASK_EVIDENCE_LIMITS.maxFiles });
      return;
    }
    const big = files.find((f) => f.size > TASK_EVIDENCE_LIMITS.maxBytes);
    if (big) {
      setProblem({ key: 'tasks.form.tooBig', name: big.name });
      return;
    }
    setBusy(true);
    setProblem(null);
    setPosted(false);
    postTaskProgress(taskId, { progress: value, status: workStatus, note: note.trim(), files })
      .then(() => {
        setNote('');
        setFiles([]);
        if (fileInput.current) fileInput.current.value = '';
        setPosted(true);
        onPosted();
      })
      .catch((err: unknown) => {
        const message =
          err instanceof AdminApiError || err instanceof Error ? err.message : String(err);
        setProblem({ key: 'tasks.form.failed', message });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const problemText =
    problem === null
      ? null
      : problem.key === 'tasks.form.tooMany'
        ? t(problem.key, { n: num(problem.n, 0) })
        : problem.key === 'tasks.form.tooBig'
          ? t(problem.key, {
              name: problem.name,
              mb: num(TASK_EVIDENCE_LIMITS.maxBytes / 2 ** 20, 0),
            })
          : problem.key === 'tasks.form.failed'
            ? t(problem.key, { message: problem.message })
            : t(problem.key);

  return (
    <form className="task-form" data-testid="progress-form" onSubmit={submit} aria-busy={busy}>
      <h3>{t('tasks.form.title')}</h3>
      <div className="task-form-row">
        <label htmlFor={`${id}-percent`}>{t('tasks.form.percent')}</label>
        <input
          id={`${id}-percent`}
          data-testid="progress-percent"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          required
          value={percent}
          onChange={(e) => {
            setPercent(e.target.value);
          }}
        />
      </div>
      <div className="task-form-row">
        <label htmlFor={`${id}-status`}>{t('tasks.form.status')}</label>
        <select
          id={`${id}-status`}
          data-testid="progress-status"
          value={workStatus}
          onChange={(e) => {
            const v = WORK_STATUSES.find((s) => s === e.target.value);
            if (v) setWorkStatus(v);
          }}
        >
          {WORK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`tasks.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="task-form-row is-wide">
        <label htmlFor={`${id}-note`}>{t('tasks.form.note')}</label>
        <textarea
          id={`${id}-note`}
          data-testid="progress-note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </div>
      <div className="task-form-row is-wide">
        <label htmlFor={`${id}-photo`}>{t('tasks.form.photo')}</label>
        <input
          ref={fileInput}
          id={`${id}-photo`}
          data-testid="progress-photo"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          onChange={(e) => {
            setFiles([...(e.target.files ?? [])]);
          }}
        />
        {files.length > 0 && (
          <p className="tablet-meta" data-testid="progress-files">
            {files.map((f) => f.name).join(', ')}
          </p>
        )}
      </div>
      {problemText !== null && (
        <p className="tablet-notice is-error" role="alert" data-testid="progress-error">
          {problemText}
        </p>
      )}
      {posted && problem === null && (
        <p className="tablet-notice is-ok" role="status" data-testid="progress-posted">
          {t('tasks.form.posted')}
        </p>
      )}
      <button
        type="submit"
        className="tablet-button is-primary"
        data-testid="progress-submit"
        disabled={busy}
      >
        {busy ? t('tasks.form.sending') : t('tasks.form.submit')}
      </button>
    </form>
  );
}

import type { ReportAction, ReportState } from '@ioc/contracts';
import { useState } from 'react';
import { REASON_REQUIRED, reportStep } from '../../../shared/api/reports';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';
import { stepsFor } from '../model/steps';

const LABEL: Record<ReportAction, MessageKey> = {
  submit: 'reports.step.submit',
  return: 'reports.step.return',
  approve: 'reports.step.approve',
  reopen: 'reports.step.reopen',
};

export interface ReportStepButtonsProps {
  periodId: string;
  state: ReportState;
  role: string;
  /** Called after the API took the step (the matrix reloads). */
  onDone: () => void;
}

/**
 * The review steps the person may take on one period. Returning and re-opening ask for a reason
 * first (the audit keeps it); the others go at once.
 */
export function ReportStepButtons({ periodId, state, role, onDone }: ReportStepButtonsProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<ReportAction | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const steps = stepsFor(role, state);
  if (steps.length === 0) return <span className="admin-sub">—</span>;

  const take = (action: ReportAction, why: string | null): void => {
    setBusy(true);
    setProblem(null);
    reportStep(periodId, action, why)
      .then(() => {
        setAsking(null);
        setReason('');
        onDone();
      })
      .catch((err: unknown) => {
        setProblem(errorText(t, err));
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <div className="report-steps" data-testid="report-steps">
      {asking === null ? (
        steps.map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'approve' || a === 'submit' ? 'admin-primary' : undefined}
            data-testid={`step-${a}`}
            disabled={busy}
            onClick={() => {
              if (REASON_REQUIRED.has(a)) setAsking(a);
              else take(a, null);
            }}
          >
            {t(LABEL[a])}
          </button>
        ))
      ) : (
        <form
          className="report-reason"
          onSubmit={(e) => {
            e.preventDefault();
            take(asking, reason);
          }}
        >
          <label>
            <span>{t('reports.reason')}</span>
            <input
              data-testid="step-reason"
              value={reason}
              required
              minLength={2}
              maxLength={2000}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          </label>
          <button
            type="submit"
            className="admin-primary"
            data-testid="step-confirm"
            disabled={busy}
          >
            {t(LABEL[asking])}
          </button>
          <button
            type="button"
            onClick={() => {
              setAsking(null);
            }}
          >
            {t('reports.cancel')}
          </button>
        </form>
      )}
      {problem !== null && (
        <p className="admin-inline-error" role="alert" data-testid="step-error">
          {problem}
        </p>
      )}
    </div>
  );
}

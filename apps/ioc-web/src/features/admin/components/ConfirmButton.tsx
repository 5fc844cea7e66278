import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';

/** A button that asks once more inline before a destructive or disruptive action. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  danger = false,
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => Promise<void>;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <>
        <button
          type="button"
          className={danger ? 'admin-danger' : undefined}
          data-testid={testId}
          onClick={() => {
            setAsking(true);
            setError(null);
          }}
        >
          {label}
        </button>
        {error !== null && (
          <span className="admin-inline-error" role="alert">
            {error}
          </span>
        )}
      </>
    );
  }
  return (
    <span className="admin-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className={danger ? 'admin-danger' : 'admin-primary'}
        disabled={busy}
        data-testid={testId === undefined ? undefined : `${testId}-confirm`}
        onClick={() => {
          setBusy(true);
          onConfirm().then(
            () => {
              setBusy(false);
              setAsking(false);
            },
            (err: unknown) => {
              setBusy(false);
              setAsking(false);
              setError(errorText(t, err));
            },
          );
        }}
      >
        {t('admin.confirm.yes')}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setAsking(false);
        }}
      >
        {t('admin.confirm.no')}
      </button>
    </span>
  );
}

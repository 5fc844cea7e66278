import { useId, useState, type SyntheticEvent } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { rateCase, reopenCase } from '../model/api';
import { citizenErrorText } from '../model/errors';

/** 1–5 stars and an optional comment, once the case is resolved. */
export function RatingForm({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    if (stars < 1) {
      setProblem(t('citizen.rate.pick'));
      return;
    }
    setBusy(true);
    setProblem(null);
    rateCase(code, stars, comment).then(
      () => {
        setBusy(false);
        onDone();
      },
      (err: unknown) => {
        setBusy(false);
        setProblem(citizenErrorText(t, err));
      },
    );
  };
  return (
    <form className="citizen-card" onSubmit={submit} noValidate data-testid="rating-form">
      <h2 id={`${id}-title`}>{t('citizen.rate.title')}</h2>
      <div className="citizen-stars" role="radiogroup" aria-labelledby={`${id}-title`}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={stars === n}
            aria-label={t('citizen.rate.star', { n })}
            className={n <= stars ? 'citizen-star is-on' : 'citizen-star'}
            onClick={() => {
              setStars(n);
              setProblem(null);
            }}
          >
            ★
          </button>
        ))}
      </div>
      <label className="citizen-label" htmlFor={`${id}-comment`}>
        {t('citizen.rate.comment')}
      </label>
      <textarea
        id={`${id}-comment`}
        className="citizen-input"
        rows={3}
        maxLength={500}
        value={comment}
        onChange={(e) => {
          setComment(e.currentTarget.value);
        }}
      />
      {problem !== null && (
        <p className="citizen-field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="citizen-button citizen-primary" disabled={busy}>
        {t('citizen.rate.submit')}
      </button>
    </form>
  );
}

/** Ask for a resolved case to be handled again, within the reopen window. */
export function ReopenForm({
  code,
  until,
  onDone,
}: {
  code: string;
  until: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setProblem(t('citizen.reopen.short'));
      return;
    }
    setBusy(true);
    setProblem(null);
    reopenCase(code, reason).then(
      () => {
        setBusy(false);
        onDone();
      },
      (err: unknown) => {
        setBusy(false);
        setProblem(citizenErrorText(t, err));
      },
    );
  };
  return (
    <form className="citizen-card" onSubmit={submit} noValidate data-testid="reopen-form">
      <h2>{t('citizen.reopen.title')}</h2>
      <p className="citizen-hint">
        {t('citizen.reopen.lead', { date: formatDateTime(new Date(until)) })}
      </p>
      <label className="citizen-label" htmlFor={`${id}-reason`}>
        {t('citizen.reopen.reason')}
      </label>
      <textarea
        id={`${id}-reason`}
        className="citizen-input"
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setProblem(null);
        }}
      />
      {problem !== null && (
        <p className="citizen-field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="citizen-button citizen-secondary" disabled={busy}>
        {t('citizen.reopen.submit')}
      </button>
    </form>
  );
}

import { useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { SubmitAnswer } from '../model/api';
import { trackPath } from '../model/paths';
import { AppLink } from './AppLink';

/** The answer to a report: the tracking code (the resident's only key to it) and where it went. */
export function DoneView({ answer, onAnother }: { answer: SubmitAnswer; onAnother: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    navigator.clipboard.writeText(answer.code).then(
      () => {
        setCopied(true);
      },
      // No clipboard (plain http, old browser): the code is on screen, selectable.
      () => undefined,
    );
  };
  return (
    <section className="citizen-card citizen-done" data-testid="citizen-done" aria-live="polite">
      <h1>{t('citizen.done.title')}</h1>
      <p>
        {answer.duplicateOf
          ? t('citizen.done.duplicate')
          : t('citizen.done.lead', { unit: answer.unitName })}
      </p>
      <p className="citizen-label">{t('citizen.done.code')}</p>
      <p className="citizen-code" data-testid="tracking-code">
        {answer.code}
      </p>
      <p className="citizen-hint">{t('citizen.done.keepCode')}</p>
      <p>{t('citizen.done.deadline', { date: formatDateTime(new Date(answer.deadlineAt)) })}</p>
      <div className="citizen-actions">
        <button type="button" className="citizen-button citizen-secondary" onClick={copy}>
          {copied ? t('citizen.done.copied') : t('citizen.done.copy')}
        </button>
        <AppLink href={trackPath(answer.code)} className="citizen-button citizen-primary">
          {t('citizen.done.track')}
        </AppLink>
        <button type="button" className="citizen-link-button" onClick={onAnother}>
          {t('citizen.done.another')}
        </button>
      </div>
    </section>
  );
}

import { useI18n } from '../i18n/useI18n';
import { useClock } from '../ui/useClock';
import { CaseActions } from './CaseActions';
import { CaseFacts } from './CaseFacts';
import { CaseHistory } from './CaseHistory';
import { CasePhotos } from './CasePhotos';
import { useCitizenCase } from './useCitizenCase';
import './citizen.css';

export interface CaseDetailProps {
  id: string;
  role: string;
  /** Changes when a push says the unit's cases changed: the case is reloaded. */
  kick: unknown;
  /** After a step was accepted (the screen reloads its list too). */
  onChanged: () => void;
}

/**
 * One case for the staff: description, photos before and after, the facts (staff-only ones
 * marked), the steps the role may take, and the full history. Used by the console and the
 * tablet.
 */
export function CaseDetail({ id, role, kick, onChanged }: CaseDetailProps) {
  const { t, lang } = useI18n();
  const now = useClock(60_000);
  const state = useCitizenCase(id, kick);
  const { kase, error } = state;
  if (kase === null) {
    if (error === null)
      return (
        <div className="cs-root cs-detail" data-state="loading">
          {t('app.loading')}
        </div>
      );
    const key =
      error.kind === 'forbidden'
        ? 'citizenStaff.error.forbidden'
        : error.kind === 'notFound'
          ? 'citizenStaff.error.notFound'
          : 'citizenStaff.error.load';
    return (
      <div className="cs-root cs-detail">
        <p
          className="cs-notice is-error"
          role="alert"
          data-testid="case-error"
          data-kind={error.kind}
        >
          {t(key)}
        </p>
      </div>
    );
  }
  const category = lang === 'en' ? kase.category.nameEn : kase.category.nameVi;
  return (
    <article
      className="cs-root cs-detail"
      data-testid="case-detail"
      data-case-id={kase.id}
      data-code={kase.code}
      data-status={kase.status}
      data-overdue={kase.overdue ? 'true' : 'false'}
    >
      <header className="cs-detail-head">
        <h3>
          <span aria-hidden="true">{kase.category.icon}</span> {category} · {kase.code}
        </h3>
        <span className={`cs-chip cs-${kase.status}`} data-testid="case-status">
          {t(`citizenStaff.status.${kase.status}`)}
        </span>
        {kase.overdue && <span className="cs-chip cs-overdue">{t('citizenStaff.overdue')}</span>}
        {kase.moderation === 'spam' && (
          <span className="cs-chip cs-spam">{t('citizenStaff.spam')}</span>
        )}
      </header>
      {error !== null && (
        <p className="cs-notice is-error" role="alert">
          {t('citizenStaff.error.load')}
        </p>
      )}
      <section className="cs-description" aria-label={t('citizenStaff.description')}>
        <p data-testid="case-description">{kase.description}</p>
      </section>
      <div className="cs-photo-pair">
        <CasePhotos kase={kase} kind="report" />
        <CasePhotos kase={kase} kind="resolution" />
      </div>
      <CaseActions
        kase={kase}
        role={role}
        onDone={() => {
          state.reload();
          onChanged();
        }}
      />
      <CaseFacts kase={kase} now={now} />
      <CaseHistory kase={kase} />
    </article>
  );
}

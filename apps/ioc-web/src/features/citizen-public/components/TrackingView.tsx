import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useLoad } from '../hooks/useLoad';
import { fetchTrackedCase, photoUrl, type TrackedCase } from '../model/api';
import { trackingErrorText } from '../model/errors';
import { canReopen, eventLabelKey, statusLabelKey, statusTone } from '../model/status';
import { RatingForm, ReopenForm } from './CaseFollowUp';

function when(iso: string | null): string {
  return iso === null ? '—' : formatDateTime(new Date(iso));
}

/** /phan-anh/tra-cuu/<code> — where a report stands, with nothing about who sent it. */
export function TrackingView({ code }: { code: string }) {
  const { t } = useI18n();
  const state = useLoad(code, (signal) => fetchTrackedCase(code, signal));
  if (state.phase === 'loading') return <p className="citizen-notice">{t('citizen.loading')}</p>;
  if (state.phase === 'failed')
    return (
      <section className="citizen-card">
        <h1>{t('citizen.track.title', { code })}</h1>
        <p className="citizen-alert" role="alert" data-testid="tracking-error">
          {trackingErrorText(t, state.error)}
        </p>
        <button type="button" className="citizen-button citizen-secondary" onClick={state.reload}>
          {t('citizen.track.refresh')}
        </button>
      </section>
    );
  return <CaseView c={state.data} onChanged={state.reload} />;
}

function CaseView({ c, onChanged }: { c: TrackedCase; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const reopenable = canReopen(c.status, c.reopenUntil, Date.now());
  const before = c.photos.filter((p) => p.kind === 'report').map((p) => p.id);
  const after = c.photos.filter((p) => p.kind === 'resolution').map((p) => p.id);

  return (
    <div className="citizen-tracking" data-testid="tracking" data-status={c.status}>
      <section className="citizen-card">
        <h1>{t('citizen.track.title', { code: c.code })}</h1>
        <p className={`citizen-status tone-${statusTone(c.status)}`} data-testid="case-status">
          {t(statusLabelKey(c.status))}
        </p>
        {c.overdue && <p className="citizen-overdue">{t('citizen.track.overdue')}</p>}
        <dl className="citizen-facts">
          <dt>{t('citizen.track.category')}</dt>
          <dd>
            <span aria-hidden="true">{c.category.icon} </span>
            {lang === 'vi' ? c.category.nameVi : c.category.nameEn}
          </dd>
          <dt>{t('citizen.track.unit')}</dt>
          <dd data-testid="case-unit" data-unit={c.unitCode}>
            {c.unitName}
          </dd>
          <dt>{t('citizen.track.received')}</dt>
          <dd>{when(c.receivedAt)}</dd>
          <dt>{t('citizen.track.deadline')}</dt>
          <dd data-testid="case-deadline">{when(c.deadlineAt)}</dd>
          {c.resolvedAt !== null && (
            <>
              <dt>{t('citizen.track.resolved')}</dt>
              <dd>{when(c.resolvedAt)}</dd>
            </>
          )}
          <dt>{t('citizen.track.position')}</dt>
          <dd>
            {c.lat.toFixed(3)}, {c.lon.toFixed(3)}
          </dd>
        </dl>
        <h2>{t('citizen.track.description')}</h2>
        {/* Resident text: rendered as text by React, never as HTML. */}
        <p className="citizen-description" data-testid="case-description">
          {c.description}
        </p>
        {c.resolutionNote !== null && (
          <>
            <h2>{t('citizen.track.resolutionNote')}</h2>
            <p className="citizen-description" data-testid="case-resolution">
              {c.resolutionNote}
            </p>
          </>
        )}
        {c.rejectReason !== null && (
          <>
            <h2>{t('citizen.track.rejectReason')}</h2>
            <p className="citizen-description">{c.rejectReason}</p>
          </>
        )}
        {c.rating !== null && (
          <p data-testid="case-rating">{t('citizen.track.rating', { stars: c.rating })}</p>
        )}
      </section>

      <Photos code={c.code} ids={before} title={t('citizen.track.photosBefore')} kind="report" />
      <Photos code={c.code} ids={after} title={t('citizen.track.photosAfter')} kind="resolution" />

      <section className="citizen-card">
        <h2>{t('citizen.track.history')}</h2>
        {c.events.length === 0 ? (
          <p className="citizen-hint">{t('citizen.track.noHistory')}</p>
        ) : (
          <ol className="citizen-history" data-testid="case-history">
            {c.events.map((e, i) => (
              <li key={`${e.at}-${String(i)}`} data-kind={e.kind}>
                <time dateTime={e.at}>{when(e.at)}</time>
                <strong>{t(eventLabelKey(e.kind))}</strong>
                {e.note !== null && e.note !== '' && <p>{e.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      {c.canRate && <RatingForm code={c.code} onDone={onChanged} />}
      {reopenable && c.reopenUntil !== null && (
        <ReopenForm code={c.code} until={c.reopenUntil} onDone={onChanged} />
      )}
    </div>
  );
}

function Photos({
  code,
  ids,
  title,
  kind,
}: {
  code: string;
  ids: readonly string[];
  title: string;
  kind: 'report' | 'resolution';
}) {
  const { t } = useI18n();
  if (ids.length === 0) return null;
  return (
    <section className="citizen-card">
      <h2>{title}</h2>
      <ul className="citizen-gallery" data-testid={`photos-${kind}`}>
        {ids.map((id, i) => (
          <li key={id}>
            <a href={photoUrl(code, id)} target="_blank" rel="noreferrer">
              <img
                src={photoUrl(code, id)}
                alt={t('citizen.track.photoAlt', { n: i + 1 })}
                loading="lazy"
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { CitizenCase } from '../api/citizen';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';

/** Every step of the case, newest first, internal notes included and marked. */
export function CaseHistory({ kase }: { kase: CitizenCase }) {
  const { t } = useI18n();
  const events = [...kase.events].reverse();
  return (
    <section className="cs-history" aria-labelledby={`cs-history-${kase.id}`}>
      <h4 id={`cs-history-${kase.id}`}>{t('citizenStaff.history')}</h4>
      <ol data-testid="case-events">
        {events.map((e) => (
          <li
            key={e.id}
            className={e.public ? 'is-public' : 'is-internal'}
            data-testid="case-event"
            data-kind={e.kind}
          >
            <span className="cs-event-head">
              <strong>{t(`citizenStaff.event.${e.kind}`)}</strong>
              <time dateTime={e.at}>{formatDateTime(new Date(e.at))}</time>
              <span className="cs-event-scope">
                {t(e.public ? 'citizenStaff.event.public' : 'citizenStaff.event.internal')}
              </span>
            </span>
            <span className="cs-event-meta">
              {e.actorName ?? e.actor}
              {e.toStatus !== null && e.toStatus !== e.fromStatus
                ? ` · ${t(`citizenStaff.status.${e.toStatus}`)}`
                : ''}
            </span>
            {e.note !== null && e.note !== '' && <p className="cs-event-note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

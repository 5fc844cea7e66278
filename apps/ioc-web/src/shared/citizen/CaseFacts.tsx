import type { CitizenCase } from '../api/citizen';
import { formatDateTime, formatPosition } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';
import { deadlineText } from './timeText';

/**
 * The facts of a case, the staff-only ones (reporter, phone, source, exact position, supporters,
 * moderation) marked as such. Resident text is rendered as text, never as markup.
 */
export function CaseFacts({ kase, now }: { kase: CitizenCase; now: number }) {
  const { t, num, lang } = useI18n();
  const when = (iso: string | null) => (iso === null ? '—' : formatDateTime(new Date(iso)));
  const category = lang === 'en' ? kase.category.nameEn : kase.category.nameVi;
  return (
    <>
      <dl className="cs-facts" data-testid="case-facts">
        <Fact label={t('citizenStaff.fact.code')} value={kase.code} id="code" />
        <Fact
          label={t('citizenStaff.fact.category')}
          value={`${kase.category.icon} ${category}`}
          id="category"
        />
        <Fact label={t('citizenStaff.fact.unit')} value={kase.unitName} id="unit" />
        <Fact label={t('citizenStaff.fact.received')} value={when(kase.receivedAt)} id="received" />
        <Fact
          label={t('citizenStaff.fact.deadline')}
          value={
            kase.resolvedAt === null && kase.status !== 'rejected'
              ? `${when(kase.deadlineAt)} (${deadlineText(t, kase.deadlineAt, now)})`
              : when(kase.deadlineAt)
          }
          id="deadline"
        />
        {kase.resolvedAt !== null && (
          <Fact
            label={t('citizenStaff.fact.resolved')}
            value={when(kase.resolvedAt)}
            id="resolved"
          />
        )}
        <Fact label={t('citizenStaff.fact.office')} value={kase.officeName ?? '—'} id="office" />
        <Fact label={t('citizenStaff.fact.assignee')} value={kase.assignee ?? '—'} id="assignee" />
        {kase.resolutionNote !== null && (
          <Fact
            label={t('citizenStaff.fact.resolution')}
            value={kase.resolutionNote}
            id="resolution"
          />
        )}
        {kase.rejectReason !== null && (
          <Fact
            label={t('citizenStaff.fact.rejectReason')}
            value={kase.rejectReason}
            id="reject-reason"
          />
        )}
        {kase.rating !== null && (
          <Fact
            label={t('citizenStaff.fact.rating')}
            value={
              kase.ratingComment
                ? `${t('citizenStaff.stars', { n: kase.rating })} — ${kase.ratingComment}`
                : t('citizenStaff.stars', { n: kase.rating })
            }
            id="rating"
          />
        )}
      </dl>
      <section className="cs-staff-only" aria-label={t('citizenStaff.staffOnly')}>
        <h4>{t('citizenStaff.staffOnly')}</h4>
        <dl className="cs-facts" data-testid="case-staff-facts">
          <Fact
            label={t('citizenStaff.fact.reporter')}
            value={kase.reporterName ?? t('citizenStaff.anonymous')}
            id="reporter"
          />
          <Fact
            label={t('citizenStaff.fact.phone')}
            value={kase.reporterPhone ?? t('citizenStaff.noPhone')}
            id="phone"
          />
          <Fact label={t('citizenStaff.fact.source')} value={kase.source} id="source" />
          <Fact
            label={t('citizenStaff.fact.position')}
            value={formatPosition(lang, kase.lat, kase.lon, 6)}
            id="position"
          />
          <Fact
            label={t('citizenStaff.fact.supporters')}
            value={num(kase.supporters, 0)}
            id="supporters"
          />
          <Fact
            label={t('citizenStaff.fact.moderation')}
            value={t(`citizenStaff.moderation.${kase.moderation}`)}
            id="moderation"
          />
        </dl>
      </section>
    </>
  );
}

function Fact({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <div className="cs-fact" data-fact={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

import type { CitizenCase } from '../../../shared/api/citizen';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { ageText, deadlineText } from '../../../shared/citizen/timeText';
import { isOpenStatus } from '../../../shared/citizen/caseModel';

export interface QueueTableProps {
  cases: readonly CitizenCase[];
  selected: string | null;
  now: number;
  onOpen: (id: string) => void;
}

/** The queue, overdue first then oldest (the caller sorts); a row opens the case beside it. */
export function QueueTable({ cases, selected, now, onOpen }: QueueTableProps) {
  const { t, lang } = useI18n();
  return (
    <table className="admin-table cc-queue" data-testid="queue-table">
      <thead>
        <tr>
          <th scope="col">{t('citizenStaff.col.code')}</th>
          <th scope="col">{t('citizenStaff.col.category')}</th>
          <th scope="col">{t('citizenStaff.col.description')}</th>
          <th scope="col">{t('citizenStaff.col.unit')}</th>
          <th scope="col">{t('citizenStaff.col.status')}</th>
          <th scope="col">{t('citizenStaff.col.age')}</th>
          <th scope="col">{t('citizenStaff.col.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const open = isOpenStatus(c.status);
          return (
            <tr
              key={c.id}
              className={`cc-row${c.overdue ? ' is-overdue' : ''}${selected === c.id ? ' is-selected' : ''}`}
              data-testid="queue-row"
              data-case-id={c.id}
              data-code={c.code}
              data-status={c.status}
              data-overdue={c.overdue ? 'true' : 'false'}
              aria-selected={selected === c.id}
            >
              <td>
                <button
                  type="button"
                  className="admin-link-button cc-open"
                  data-testid="queue-open"
                  onClick={() => {
                    onOpen(c.id);
                  }}
                >
                  {c.code}
                </button>
              </td>
              <td>
                <span aria-hidden="true">{c.category.icon}</span>{' '}
                {lang === 'en' ? c.category.nameEn : c.category.nameVi}
              </td>
              <td className="cc-desc" title={c.description}>
                {c.description}
              </td>
              <td>{c.unitName}</td>
              <td>
                <span className={`cs-chip cs-${c.status}`}>
                  {t(`citizenStaff.status.${c.status}`)}
                </span>
                {c.overdue && (
                  <span className="cs-chip cs-overdue">{t('citizenStaff.overdue')}</span>
                )}
                {c.moderation === 'spam' && (
                  <span className="cs-chip cs-spam">{t('citizenStaff.spam')}</span>
                )}
              </td>
              <td data-testid="queue-age">{ageText(t, c.receivedAt, now)}</td>
              <td>
                <span className="cc-deadline">{formatDateTime(new Date(c.deadlineAt))}</span>
                {open && (
                  <span className={`cc-left${c.overdue ? ' is-late' : ''}`}>
                    {deadlineText(t, c.deadlineAt, now)}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { useMemo } from 'react';
import { isCitizenStatus, sortQueue } from '../../../shared/citizen/caseModel';
import { ageText, deadlineText } from '../../../shared/citizen/timeText';
import { useI18n } from '../../../shared/i18n/useI18n';
import { navigate } from '../../../shared/ui/usePathname';
import type { WardCitizenState } from '../hooks/useWardCitizenCases';
import { citizenCasePath } from '../model/citizen';

/** The unit's open citizen reports, overdue first, then the oldest; a row opens the case. */
export function CitizenSection({ state, now }: { state: WardCitizenState; now: number }) {
  const { t, lang } = useI18n();
  const cases = useMemo(() => sortQueue(state.list?.items ?? []), [state.list]);
  const overdue = state.list?.counts.overdue ?? 0;
  let body;
  if (state.list === null) {
    body =
      state.error === null ? (
        <p className="tablet-empty" data-state={state.loading ? 'loading' : undefined}>
          {t('tablet.loading')}
        </p>
      ) : (
        <p className="tablet-notice is-error" role="alert" data-testid="citizen-error">
          {t(
            state.error === 'forbidden'
              ? 'citizenStaff.error.forbidden'
              : 'citizenStaff.error.load',
          )}
        </p>
      );
  } else if (cases.length === 0) {
    body = <p className="tablet-empty">{t('citizenStaff.none')}</p>;
  } else {
    body = (
      <ol className="task-list" data-testid="citizen-list">
        {cases.map((c) => {
          const href = citizenCasePath(c.id);
          const category = lang === 'en' ? c.category.nameEn : c.category.nameVi;
          const status = c.overdue ? 'overdue' : 'in_progress';
          return (
            <li key={c.id} className={`task-row task-${status}`}>
              <a
                href={href}
                className="task-link"
                data-testid="citizen-case"
                data-case-id={c.id}
                data-code={c.code}
                data-status={c.status}
                data-overdue={c.overdue ? 'true' : 'false'}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(href);
                }}
              >
                <span className="task-row-head">
                  <span className={`task-chip task-${status}`}>
                    {c.overdue
                      ? t('citizenStaff.overdue')
                      : isCitizenStatus(c.status)
                        ? t(`citizenStaff.status.${c.status}`)
                        : c.status}
                  </span>
                  <span className="task-due">{deadlineText(t, c.deadlineAt, now)}</span>
                </span>
                <span className="task-title">
                  <span aria-hidden="true">{c.category.icon}</span> {category} · {c.code}
                </span>
                <span className="task-row-foot">
                  <span className="tablet-meta">{c.description}</span>
                  <span className="tablet-meta">{ageText(t, c.receivedAt, now)}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    );
  }
  return (
    <section
      className="tablet-section"
      aria-labelledby="tablet-citizen-title"
      data-testid="citizen-section"
    >
      <h2 id="tablet-citizen-title">
        {t('citizenStaff.section')}
        {cases.length > 0 && <span className="tablet-count">{cases.length}</span>}
        {overdue > 0 && (
          <span className="task-chip task-overdue" data-testid="citizen-overdue-count">
            {t('citizenStaff.overdueCount', { n: overdue })}
          </span>
        )}
      </h2>
      {body}
    </section>
  );
}

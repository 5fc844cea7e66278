import { useEffect, useMemo, useState } from 'react';
import { loginPathFor } from '../../shared/api/navigation';
import { isSigningOut } from '../../shared/api/signOut';
import { DEFAULT_UNIT_CODE } from '../../shared/api/urlParams';
import { useSession } from '../../shared/api/useSession';
import { CaseDetail } from '../../shared/citizen/CaseDetail';
import { sortQueue } from '../../shared/citizen/caseModel';
import { formatDateTime } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/useI18n';
import { LanguageToggle } from '../../shared/ui/LanguageToggle';
import { SignOutButton } from '../../shared/ui/SignOutButton';
import { errorText } from '../../shared/ui/errorText';
import { useClock } from '../../shared/ui/useClock';
import { navigate, usePathname } from '../../shared/ui/usePathname';
import { QueueFiltersForm } from './components/QueueFiltersForm';
import { QueueTable } from './components/QueueTable';
import { useCaseQueue } from './hooks/useCaseQueue';
import { useConsoleChoices } from './hooks/useConsoleChoices';
import {
  CONSOLE_PATH,
  caseIdOf,
  casePath,
  filtersFromSearch,
  searchOf,
  type QueueFilters,
} from './model/filters';
import '../../shared/ui/admin.css';
import '../../shared/citizen/citizen.css';
import './console.css';

/**
 * /xu-ly-phan-anh — the operators' console for citizen reports (issue 14): the queue of the
 * person's unit (overdue first, age and deadline shown), filters, and the case beside it with
 * the steps the role may take. Pushed changes reload both without a refresh.
 */
export default function CitizenConsolePage() {
  const { t } = useI18n();
  const session = useSession();
  const pathname = usePathname();
  const now = useClock(60_000);
  const [filters, setFilters] = useState<QueueFilters>(() =>
    filtersFromSearch(window.location.search),
  );
  // A scoped person sees their own unit (and below); an administrator the default province.
  const scopeUnit = session?.units[0] ?? DEFAULT_UNIT_CODE;
  const unit = filters.unit ?? scopeUnit;
  const queue = useCaseQueue(unit, filters);
  const choices = useConsoleChoices(scopeUnit);
  const selected = caseIdOf(pathname);
  const cases = useMemo(() => sortQueue(queue.list?.items ?? []), [queue.list]);

  useEffect(() => {
    document.title = `${t('citizenStaff.title')} — ${t('app.title')}`;
  }, [t]);

  useEffect(() => {
    if (session === null && !isSigningOut())
      window.location.replace(loginPathFor(pathname, window.location.search));
  }, [session, pathname]);

  if (session === null) return <div className="page-message">{t('app.loading')}</div>;

  const changeFilters = (next: QueueFilters): void => {
    setFilters(next);
    navigate(`${selected === null ? CONSOLE_PATH : casePath(selected)}${searchOf(next)}`, true);
  };
  const list = queue.list;

  return (
    <div className="admin-root cc-root" data-testid="citizen-console">
      <header className="admin-header">
        <div>
          <p className="page-kicker">{t('app.title')}</p>
          <h1>{t('citizenStaff.title')}</h1>
        </div>
        <div className="admin-header-actions">
          <span className="admin-user">{session.displayName}</span>
          <LanguageToggle />
          <SignOutButton />
        </div>
      </header>
      <main className="admin-main cc-main">
        <section className="admin-section cc-queue-section">
          <QueueFiltersForm filters={filters} choices={choices} onChange={changeFilters} />
          {list !== null && (
            <p className="cc-summary">
              <span
                data-testid="queue-summary"
                data-total={list.total}
                data-overdue={list.counts.overdue}
              >
                {t('citizenStaff.summary', { total: list.total, overdue: list.counts.overdue })}
              </span>{' '}
              <span className="admin-sub">
                {t('citizenStaff.asOf', { time: formatDateTime(new Date(list.asOf)) })}
              </span>
            </p>
          )}
          {queue.error !== null && (
            <div className="admin-state admin-state-error" role="alert" data-state="error">
              <p>{errorText(t, queue.error)}</p>
              <button type="button" onClick={queue.reload}>
                {t('admin.retry')}
              </button>
            </div>
          )}
          {list === null ? (
            queue.error === null && (
              <div className="admin-state" data-state="loading">
                {t('app.loading')}
              </div>
            )
          ) : cases.length === 0 ? (
            <div className="admin-state" data-testid="queue-empty">
              {t('citizenStaff.empty')}
            </div>
          ) : (
            <div className="cc-scroll">
              <QueueTable
                cases={cases}
                selected={selected}
                now={now}
                onOpen={(id) => {
                  navigate(`${casePath(id)}${window.location.search}`);
                }}
              />
            </div>
          )}
        </section>
        <section className="admin-section cc-detail-section" aria-live="polite">
          {selected === null ? (
            <p className="admin-sub">{t('citizenStaff.pick')}</p>
          ) : (
            <>
              <button
                type="button"
                className="admin-link-button cc-close"
                data-testid="case-close"
                onClick={() => {
                  navigate(`${CONSOLE_PATH}${window.location.search}`);
                }}
              >
                {t('citizenStaff.close')}
              </button>
              <CaseDetail
                key={selected}
                id={selected}
                role={session.role}
                kick={queue.pushes}
                onChanged={queue.reload}
              />
            </>
          )}
        </section>
      </main>
    </div>
  );
}

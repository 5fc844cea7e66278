import { useEffect, useState } from 'react';
import { loginPathFor } from '../../shared/api/navigation';
import { isSigningOut } from '../../shared/api/signOut';
import { DEFAULT_UNIT_CODE } from '../../shared/api/urlParams';
import { useSession } from '../../shared/api/useSession';
import { formatDateTime } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/useI18n';
import { LanguageToggle } from '../../shared/ui/LanguageToggle';
import { SignOutButton } from '../../shared/ui/SignOutButton';
import { errorText } from '../../shared/ui/errorText';
import { usePathname } from '../../shared/ui/usePathname';
import { ExportLinks } from './components/ExportLinks';
import { ReportMatrixTable } from './components/ReportMatrixTable';
import { useMatrix } from './hooks/useMatrix';
import { periodText } from './model/steps';
import '../../shared/ui/admin.css';
import './reports.css';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** `?period=` of the address, when it names a period. */
function periodFromUrl(): string | null {
  const p = new URLSearchParams(window.location.search).get('period');
  return p !== null && PERIOD.test(p) ? p : null;
}

function setPeriodInUrl(period: string | null): void {
  const url = new URL(window.location.href);
  if (period === null) url.searchParams.delete('period');
  else url.searchParams.set('period', period);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * /reports — the monthly reporting cycle for an office or a leader: who owes what for the
 * period, in which state, the late ones first; review steps and the exports (issue 13).
 */
export default function ReportsPage() {
  const { t } = useI18n();
  const session = useSession();
  const pathname = usePathname();
  const [period, setPeriod] = useState<string | null>(periodFromUrl);
  const [draft, setDraft] = useState(period ?? '');
  // A scoped person sees their own unit (and below); an administrator the whole province.
  const unit = session?.units[0] ?? DEFAULT_UNIT_CODE;
  const state = useMatrix(session === null ? null : unit, period);

  useEffect(() => {
    document.title = `${t('reports.title')} — ${t('app.title')}`;
  }, [t]);

  useEffect(() => {
    if (session === null && !isSigningOut())
      window.location.replace(loginPathFor(pathname, window.location.search));
  }, [session, pathname]);

  if (session === null) return <div className="page-message">{t('app.loading')}</div>;

  const matrix = state.matrix;
  const late = matrix?.rows.filter((r) => r.late).length ?? 0;
  const approved = matrix?.rows.filter((r) => r.state === 'approved').length ?? 0;

  return (
    <div className="admin-root reports-root" data-testid="reports-page">
      <header className="admin-header">
        <div>
          <p className="page-kicker">{t('app.title')}</p>
          <h1>{t('reports.title')}</h1>
        </div>
        <div className="admin-header-actions">
          <span className="admin-user">{session.displayName}</span>
          <LanguageToggle />
          <SignOutButton />
        </div>
      </header>
      <main className="admin-main reports-main">
        <section className="admin-section">
          <div className="admin-section-head">
            <h2 data-testid="reports-period" data-period={matrix?.period ?? ''}>
              {matrix === null
                ? t('reports.heading')
                : t('reports.headingPeriod', { period: periodText(matrix.period) })}
            </h2>
            <form
              className="admin-toolbar"
              onSubmit={(e) => {
                e.preventDefault();
                const p = draft.trim();
                const next = p === '' ? null : PERIOD.test(p) ? p : period;
                setPeriodInUrl(next);
                setPeriod(next);
              }}
            >
              <label>
                <span>{t('reports.period')}</span>
                <input
                  data-testid="period-input"
                  value={draft}
                  placeholder={t('reports.periodHint')}
                  onChange={(e) => {
                    setDraft(e.target.value);
                  }}
                />
              </label>
              <button type="submit">{t('reports.show')}</button>
            </form>
          </div>
          {matrix !== null && (
            <div className="report-summary">
              <p>
                <span data-testid="reports-late-count" data-value={late}>
                  {t('reports.summary', {
                    late,
                    approved,
                    total: matrix.rows.length,
                  })}
                </span>{' '}
                <span className="admin-sub">
                  {t('reports.asOf', { time: formatDateTime(new Date(matrix.asOf)) })}
                </span>
              </p>
              <ExportLinks unit={unit} period={matrix.period} label={t('reports.export.all')} />
            </div>
          )}
          {state.error !== null && (
            <div className="admin-state admin-state-error" role="alert" data-state="error">
              <p>{errorText(t, state.error)}</p>
              <button type="button" onClick={state.reload}>
                {t('admin.retry')}
              </button>
            </div>
          )}
          {matrix === null ? (
            state.error === null && (
              <div className="admin-state" data-state="loading">
                {t('app.loading')}
              </div>
            )
          ) : matrix.rows.length === 0 ? (
            <div className="admin-state" data-testid="reports-empty">
              {t('reports.empty')}
            </div>
          ) : (
            <div className="report-scroll">
              <ReportMatrixTable matrix={matrix} role={session.role} onChanged={state.reload} />
            </div>
          )}
        </section>
      </main>
    </div>
  );
}

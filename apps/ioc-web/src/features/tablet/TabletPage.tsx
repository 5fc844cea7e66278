import './tablet.css';
import './tasks.css';
import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { apiSend } from '../../shared/api/client';
import {
  getSession,
  setSession,
  subscribeSession,
  type StoredSession,
} from '../../shared/api/session';
import { AlertsSection } from './components/AlertsSection';
import { CitizenCaseView } from './components/CitizenCaseView';
import { CamerasSection } from './components/CamerasSection';
import { CitizenSection } from './components/CitizenSection';
import { DevicesSection } from './components/DevicesSection';
import { DossiersSection } from './components/DossiersSection';
import { HighlightsSection } from './components/HighlightsSection';
import { HistoryPage } from './components/HistoryPage';
import { NotificationSettings } from './components/NotificationSettings';
import { ScorecardSection } from './components/ScorecardSection';
import { TaskDetailView } from './components/TaskDetailView';
import { TasksSection } from './components/TasksSection';
import { TabletHeader } from './components/TabletHeader';
import { useClock } from '../../shared/ui/useClock';
import { navigate, usePathname } from '../../shared/ui/usePathname';
import { useTabletData } from './hooks/useTabletData';
import { useTabletUnits } from './hooks/useTabletUnits';
import { useWardTasks } from './hooks/useWardTasks';
import { useWardCitizenCases } from './hooks/useWardCitizenCases';
import { citizenCaseIdOf } from './model/citizen';
import { historyOf } from './model/history';
import { useI18n } from '../../shared/i18n/useI18n';
import { vnYear } from './model/model';
import { canWorkTasks, taskIdOf } from './model/tasks';
import { registerTabletServiceWorker } from './model/pwa';

const THEME_COLOR = '#0b4f8a';

// The long, data-heavy sections render again only when their own data changes, not on every
// tasks, citizen-report or clock update of the page (each full render was a long task).
const Highlights = memo(HighlightsSection);
const Scorecard = memo(ScorecardSection);
const Devices = memo(DevicesSection);
const Settings = memo(NotificationSettings);

/** Sends the user to the sign-in page, which comes back here afterwards (`?next=`). */
function redirectToLogin(): void {
  const url = new URL(window.location.href);
  url.searchParams.set(
    'next',
    window.location.pathname.startsWith('/tablet/') ? window.location.pathname : '/tablet',
  );
  window.history.replaceState(window.history.state, '', url);
  navigate('/login', true);
}

/**
 * Light, high-contrast theme for sunlight; the wall's dark theme stays the default. Set before
 * the first paint: the theme also fixes the root font size (the wall scales it with the
 * viewport), and applied after paint every rem-sized box moved (Lighthouse's CLS).
 */
function useTabletTheme(): void {
  useLayoutEffect(() => {
    const html = document.documentElement;
    html.classList.add('tablet-mode');
    const meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
    const before = meta?.content;
    if (meta) meta.content = THEME_COLOR;
    return () => {
      html.classList.remove('tablet-mode');
      if (meta && before !== undefined) meta.content = before;
    };
  }, []);
}

/**
 * True from the task after the first one with data: the sections below the first screen
 * (scorecard, devices, settings) mount then, in a transition, so the first data render and its
 * commit are two shorter tasks instead of one long one (Lighthouse's total blocking time).
 * They come last on the page: nothing on screen moves when they arrive.
 */
function useRestOfPage(hasData: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!hasData || shown) return;
    const timer = setTimeout(() => {
      startTransition(() => {
        setShown(true);
      });
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [hasData, shown]);
  return shown;
}

/** /tablet — a ward leader's view of their own unit, in the field (issue 7). */
export default function TabletPage() {
  const session = useSyncExternalStore(subscribeSession, getSession);
  const { t } = useI18n();
  useTabletTheme();

  useEffect(() => {
    if (session === null) redirectToLogin();
  }, [session]);

  useEffect(() => {
    void registerTabletServiceWorker();
  }, []);

  useEffect(() => {
    // The browser tab / installed app name follows the language (index.html's is Vietnamese).
    document.title = `${t('tablet.title')} — ${t('app.title')}`;
  }, [t]);

  if (session === null) return <div className="page-message">{t('app.loading')}</div>;
  return <TabletView key={session.username} session={session} />;
}

function TabletView({ session }: { session: StoredSession }) {
  const { t } = useI18n();
  const now = useClock(30_000);
  const units = useTabletUnits(session);
  const year = vnYear(new Date(now));
  const state = useTabletData(session.username, units.selected, year);
  const { data, phase, error } = state;
  // Plan tasks are read live only (not kept in the offline snapshot); they reload with the page.
  const tasks = useWardTasks(units.selected, state.reloadedAt);
  const pathname = usePathname();
  const taskId = taskIdOf(pathname);
  // Citizen reports are read live only, like tasks; pushes keep them current.
  const citizen = useWardCitizenCases(units.selected);
  const citizenCaseId = citizenCaseIdOf(pathname);
  const history = historyOf(pathname);
  const rest = useRestOfPage(data !== null);

  const signOut = (): void => {
    apiSend('POST', '/api/v1/auth/logout')
      .catch(() => undefined)
      .finally(() => {
        setSession(null);
      });
  };

  let body: ReactNode;
  if (citizenCaseId !== null) {
    body = (
      <CitizenCaseView
        key={citizenCaseId}
        id={citizenCaseId}
        role={session.role}
        kick={citizen.pushes}
        onChanged={citizen.reload}
      />
    );
  } else if (taskId !== null) {
    body = (
      <TaskDetailView
        key={taskId}
        id={taskId}
        canWork={canWorkTasks(session.role)}
        onChanged={tasks.reload}
      />
    );
  } else if (units.selected === null) {
    body = (
      <p className="tablet-notice is-error" role="alert">
        {t('tablet.error.noUnit')}
      </p>
    );
  } else if (error !== null && data === null) {
    const key =
      error.kind === 'forbidden'
        ? 'tablet.error.forbidden'
        : error.kind === 'notFound'
          ? 'tablet.error.notFound'
          : 'tablet.error.other';
    body = (
      <p className="tablet-notice is-error" role="alert" data-testid="tablet-error">
        {t(key, { message: error.message })}
      </p>
    );
  } else if (history !== null && data !== null) {
    body = <HistoryPage history={history} unit={data.unit} devices={data.devices} />;
  } else if (data === null && (phase === 'offline' || history !== null)) {
    body = (
      <p className="tablet-notice" data-testid={phase === 'offline' ? 'offline-empty' : 'loading'}>
        {t(phase === 'offline' ? 'tablet.offline.noData' : 'tablet.loading')}
      </p>
    );
  } else {
    // The sections are on screen from the start, each saying it is loading: the ones that read
    // their own data (citizen reports, dossiers, tasks, cameras) load alongside the page's data
    // instead of after it, and the first screen is drawn before any data arrives (Lighthouse's
    // largest contentful paint). What needs the page's data (alerts, highlights) follows it.
    body = (
      <>
        {error !== null && (
          <p className="tablet-notice is-error" role="alert" data-testid="tablet-error">
            {t('tablet.error.other', { message: error.message })}
          </p>
        )}
        <AlertsSection
          alerts={data?.alerts ?? null}
          unitCode={units.selected}
          now={now}
          role={session.role}
          username={session.username}
          onChanged={state.refresh}
        />
        <CitizenSection state={citizen} now={now} />
        <DossiersSection unitCode={units.selected} now={now} kick={state.reloadedAt} />
        <TasksSection state={tasks} />
        <CamerasSection unitCode={units.selected} />
        {data !== null && <Highlights scorecard={data.scorecard} />}
        {data !== null && rest && (
          <>
            <Scorecard scorecard={data.scorecard} />
            <Devices devices={data.devices} now={now} unitCode={data.unit.code} />
            <Settings />
          </>
        )}
      </>
    );
  }

  return (
    <div
      className={`tablet phase-${phase}`}
      data-testid="tablet-page"
      data-phase={phase}
      data-unit={data?.unit.code ?? ''}
      data-from-snapshot={state.fromSnapshot}
    >
      <TabletHeader
        unitName={data?.unit.name ?? null}
        choices={units.choices}
        selected={units.selected}
        onSelect={units.select}
        phase={phase}
        fromSnapshot={state.fromSnapshot}
        savedAt={state.savedAt}
        refreshing={state.refreshing}
        now={now}
        onRefresh={state.refresh}
        onSignOut={signOut}
      />
      <main className="tablet-main">{body}</main>
    </div>
  );
}

import { lazy, Suspense, useEffect } from 'react';
import { loadAdminPage } from '../features/admin';
import { loadCitizenPublicPage } from '../features/citizen-public';
import { loadCitizenConsolePage } from '../features/citizen-console';
import { loadLoginPage } from '../features/login';
import { loadOpenDataPage } from '../features/open-data';
import { loadReportsPage } from '../features/reports';
import { loadTabletPage } from '../features/tablet';
import { loadWallPage } from '../features/wall';
import { navigate, usePathname } from '../shared/ui/usePathname';
import { useI18n } from '../shared/i18n/useI18n';
import { lazyPage } from './lazyPage';
import { PlaceholderPage } from './PlaceholderPage';
import { HOME_PATH, resolveRoute } from './routes';

// Each page is its own chunk: MapLibre and deck.gl are most of the bundle; only the wall needs them.
const WallPage = lazy(loadWallPage);
const AdminPage = lazy(loadAdminPage);
const LoginPage = lazy(loadLoginPage);
const ReportsPage = lazy(loadReportsPage);
const CitizenPublicPage = lazy(loadCitizenPublicPage);
const CitizenConsolePage = lazy(loadCitizenConsolePage);
const OpenDataPage = lazy(loadOpenDataPage);
// The tablet's page may be loaded before the first render (main.tsx), so /tablet opens without
// the loading message first.
const tablet = lazyPage(loadTabletPage);
const TabletPage = tablet.Page;
export const preloadTabletPage = tablet.preload;

export function App() {
  const pathname = usePathname();
  const route = resolveRoute(pathname);
  const { t, lang } = useI18n();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (pathname === '/') navigate(HOME_PATH, true);
  }, [pathname]);

  const loading = <div className="page-message">{t('app.loading')}</div>;
  switch (route) {
    case 'wall':
      return (
        <Suspense fallback={loading}>
          <WallPage />
        </Suspense>
      );
    case 'tablet':
      return (
        <Suspense fallback={loading}>
          <TabletPage />
        </Suspense>
      );
    case 'admin':
      return (
        <Suspense fallback={loading}>
          <AdminPage />
        </Suspense>
      );
    case 'reports':
      return (
        <Suspense fallback={loading}>
          <ReportsPage />
        </Suspense>
      );
    case 'citizenConsole':
      return (
        <Suspense fallback={loading}>
          <CitizenConsolePage />
        </Suspense>
      );
    case 'login':
      return (
        <Suspense fallback={loading}>
          <LoginPage />
        </Suspense>
      );
    case 'citizen':
      return (
        <Suspense fallback={loading}>
          <CitizenPublicPage />
        </Suspense>
      );
    case 'openData':
      return (
        <Suspense fallback={loading}>
          <OpenDataPage />
        </Suspense>
      );
    case 'notFound':
      return (
        <PlaceholderPage
          titleKey="page.notFound.title"
          body={t('page.notFound.body', { path: pathname })}
        />
      );
  }
}

import { lazy, Suspense, useEffect } from 'react';
import { navigate, usePathname } from '../hooks/usePathname';
import { useI18n } from '../i18n/useI18n';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { HOME_PATH, resolveRoute } from './routes';

// MapLibre and deck.gl are most of the bundle; only the wall needs them.
const WallPage = lazy(() => import('../pages/WallPage'));
const TabletPage = lazy(() => import('../pages/TabletPage'));
const AdminPage = lazy(() => import('../pages/AdminPage'));
const LoginPage = lazy(() => import('../pages/LoginPage'));

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
    case 'login':
      return (
        <Suspense fallback={loading}>
          <LoginPage />
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

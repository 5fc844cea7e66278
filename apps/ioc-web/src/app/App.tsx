import { lazy, Suspense, useEffect } from 'react';
import { navigate, usePathname } from '../hooks/usePathname';
import { useI18n } from '../i18n/useI18n';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { HOME_PATH, resolveRoute } from './routes';

// MapLibre and deck.gl are most of the bundle; only the wall needs them.
const WallPage = lazy(() => import('../pages/WallPage'));

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

  switch (route) {
    case 'wall':
      return (
        <Suspense fallback={<div className="page-message">{t('app.loading')}</div>}>
          <WallPage />
        </Suspense>
      );
    case 'tablet':
      return <PlaceholderPage titleKey="page.tablet.title" />;
    case 'admin':
      return <PlaceholderPage titleKey="page.admin.title" />;
    case 'login':
      return <PlaceholderPage titleKey="page.login.title" />;
    case 'notFound':
      return (
        <PlaceholderPage
          titleKey="page.notFound.title"
          body={t('page.notFound.body', { path: pathname })}
        />
      );
  }
}

import './citizen-public.css';
import { useEffect } from 'react';
import { usePathname } from '../../shared/ui/usePathname';
import { useI18n } from '../../shared/i18n/useI18n';
import { IntakeView } from './components/IntakeView';
import { LookupView } from './components/LookupView';
import { PublicShell } from './components/PublicShell';
import { ResolvedMapView } from './components/ResolvedMapView';
import { TrackingView } from './components/TrackingView';
import { citizenViewOf } from './model/paths';

/** The phone's light theme while a resident's page is open (the wall's dark theme is the default). */
function useLightTheme(): void {
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add('citizen-mode');
    return () => {
      html.classList.remove('citizen-mode');
    };
  }, []);
}

/**
 * /phan-anh — residents' reports (issue 14): file a report, follow it by its code, see what was
 * fixed. No account and no session: nothing here reads or sends a sign-in.
 */
export default function CitizenPublicPage() {
  const { t } = useI18n();
  const view = citizenViewOf(usePathname());
  useLightTheme();

  useEffect(() => {
    document.title = `${t('citizen.title')} — ${t('app.title')}`;
  }, [t]);

  let body;
  switch (view.kind) {
    case 'intake':
      body = <IntakeView />;
      break;
    case 'lookup':
      body = <LookupView />;
      break;
    case 'track':
      body = <TrackingView key={view.code} code={view.code} />;
      break;
    case 'map':
      body = <ResolvedMapView />;
      break;
    case 'notFound':
      body = <p className="citizen-notice">{t('citizen.pageNotFound')}</p>;
      break;
  }
  return <PublicShell view={view.kind}>{body}</PublicShell>;
}

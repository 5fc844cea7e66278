import type { ReactNode } from 'react';
import { LanguageToggle } from '../../../shared/ui/LanguageToggle';
import { useI18n } from '../../../shared/i18n/useI18n';
import { INTAKE_PATH, LOOKUP_PATH, MAP_PATH, type CitizenView } from '../model/paths';
import { AppLink } from './AppLink';

/** Header (title, the three pages, language) around one of the residents' pages. */
export function PublicShell({
  view,
  children,
}: {
  view: CitizenView['kind'];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="citizen" data-testid="citizen-page" data-view={view}>
      <header className="citizen-header">
        <div className="citizen-header-top">
          <p className="citizen-brand">{t('citizen.title')}</p>
          <LanguageToggle />
        </div>
        <nav className="citizen-nav" aria-label={t('citizen.title')}>
          <AppLink href={INTAKE_PATH} current={view === 'intake'}>
            {t('citizen.nav.intake')}
          </AppLink>
          <AppLink href={LOOKUP_PATH} current={view === 'lookup' || view === 'track'}>
            {t('citizen.nav.lookup')}
          </AppLink>
          <AppLink href={MAP_PATH} current={view === 'map'}>
            {t('citizen.nav.map')}
          </AppLink>
        </nav>
      </header>
      <main className="citizen-main">{children}</main>
    </div>
  );
}

import { LanguageToggle } from '../shared/ui/LanguageToggle';
import { HOME_PATH } from './routes';
import { navigate } from '../shared/ui/usePathname';
import { useI18n } from '../shared/i18n/useI18n';
import type { MessageKey } from '../shared/i18n/translate';

export interface PlaceholderPageProps {
  titleKey: MessageKey;
  /** Body text; defaults to the translated "coming soon". */
  body?: string;
}

/** Stand-in for the tablet, admin and login screens until they are built. */
export function PlaceholderPage({ titleKey, body }: PlaceholderPageProps) {
  const { t } = useI18n();
  return (
    <main className="page-message" data-testid="placeholder-page">
      <p className="page-kicker">{t('app.title')}</p>
      <h1>{t(titleKey)}</h1>
      <p>{body ?? t('page.comingSoon')}</p>
      <div className="page-actions">
        <a
          href={HOME_PATH}
          onClick={(e) => {
            e.preventDefault();
            navigate(HOME_PATH);
          }}
        >
          {t('page.goToWall')}
        </a>
        <LanguageToggle />
      </div>
    </main>
  );
}

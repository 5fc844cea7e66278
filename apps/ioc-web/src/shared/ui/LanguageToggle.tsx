import { useI18n } from '../i18n/useI18n';

/**
 * The other language's name, in that language, is the button's whole accessible name (WCAG
 * 2.5.3: what is seen is what a voice user says); the title explains it in the current one.
 */
export function LanguageToggle() {
  const { lang, t, setLang } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-toggle"
      lang={next}
      title={t('lang.toggleLabel')}
      data-testid="lang-toggle"
      onClick={() => {
        setLang(next);
      }}
    >
      {t('lang.toggle')}
    </button>
  );
}

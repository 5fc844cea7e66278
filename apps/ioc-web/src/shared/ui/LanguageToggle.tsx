import { useI18n } from '../i18n/useI18n';

export function LanguageToggle() {
  const { lang, t, setLang } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-toggle"
      lang={next}
      aria-label={t('lang.toggleLabel')}
      data-testid="lang-toggle"
      onClick={() => {
        setLang(next);
      }}
    >
      {t('lang.toggle')}
    </button>
  );
}

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatNumber } from './format';
import { getLang, setLang, subscribeLang } from './langStore';
import { translate, type Lang, type MessageKey, type MessageParams } from './translate';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Number in the UI language's format (decimal comma in Vietnamese). */
  num: (value: number, maximumFractionDigits?: number, fixed?: boolean) => string;
  setLang: (lang: Lang) => void;
}

export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribeLang, getLang);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(lang, key, params),
    [lang],
  );
  const num = useCallback(
    (value: number, digits?: number, fixed?: boolean) => formatNumber(lang, value, digits, fixed),
    [lang],
  );
  return useMemo(() => ({ lang, t, num, setLang }), [lang, t, num]);
}

import { DEFAULT_LANG, isLang, type Lang } from './translate';

const STORAGE_KEY = 'ioc.lang';

/**
 * Picks the start-up language: an explicit `?lang=` (a wall's configured URL) wins over the
 * choice remembered in this browser, which wins over Vietnamese.
 */
export function resolveInitialLang(search: string, stored: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(stored)) return stored;
  return DEFAULT_LANG;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (kiosk profiles, privacy mode): fall back to the default.
    return null;
  }
}

let current: Lang | null = null;
const listeners = new Set<() => void>();

export function getLang(): Lang {
  current ??= resolveInitialLang(window.location.search, readStored());
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still applies to this page.
  }
  // Keep an explicit ?lang= in the address in step, or a reload would flip the language back.
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', lang);
    window.history.replaceState(window.history.state, '', url);
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

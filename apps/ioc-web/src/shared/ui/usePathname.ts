import { useSyncExternalStore } from 'react';

// A router needs only the pathname and a way to change it; the History API gives both, so the
// app carries no routing dependency.
const NAVIGATE_EVENT = 'ioc:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

function getPathname(): string {
  return window.location.pathname;
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname);
}

function getSearch(): string {
  return window.location.search;
}

/** The query string, kept current across history moves (a wall's pinned scene follows it). */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

/** Client-side navigation that keeps the query (token, lang, unit) of the display URL. */
export function navigate(pathname: string, replace = false): void {
  const url = new URL(window.location.href);
  url.pathname = pathname;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

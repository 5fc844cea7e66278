import { useEffect, useState } from 'react';

/** Latin and Vietnamese letters, so the browser loads both unicode-range subsets. */
const SAMPLE = 'AaĐđ ẢảẤấỆệỮữ';
const GIVE_UP_MS = 3000;

/**
 * deck.gl rasterises glyphs into an atlas the first time a TextLayer draws, and caches it. If
 * the web font has not loaded yet the atlas is built from a fallback font, so text layers wait
 * for Be Vietnam Pro (bundled, so this is quick) — or at most a few seconds.
 */
export function useFontsReady(weights: readonly number[] = [600]): boolean {
  const [ready, setReady] = useState(false);
  const key = weights.join(',');
  useEffect(() => {
    let cancelled = false;
    const done = (): void => {
      if (!cancelled) setReady(true);
    };
    const timer = setTimeout(done, GIVE_UP_MS);
    Promise.all(
      key.split(',').map((w) => document.fonts.load(`${w} 32px "Be Vietnam Pro"`, SAMPLE)),
    ).then(done, done);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);
  return ready;
}

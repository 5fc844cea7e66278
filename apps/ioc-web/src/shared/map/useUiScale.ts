import { useSyncExternalStore } from 'react';

/** Layout reference: the wall is designed at 1920×1080 and scales linearly from there. */
const REF_WIDTH = 1920;
const REF_HEIGHT = 1080;

function compute(): number {
  // The smaller ratio, so ultra-wide or tall multi-panel walls never overflow either way.
  const s = Math.min(window.innerWidth / REF_WIDTH, window.innerHeight / REF_HEIGHT);
  return Math.round(Math.min(3, Math.max(0.6, s)) * 100) / 100;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => {
    window.removeEventListener('resize', listener);
  };
}

/**
 * Scale factor for canvas-drawn sizes (label px, dot radius) matching the CSS rem scale in
 * global.css, so map text grows with the DOM text on a 4K wall.
 */
export function useUiScale(): number {
  return useSyncExternalStore(subscribe, compute);
}

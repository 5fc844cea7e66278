/**
 * The page's rem in CSS px. Most pages take it from global.css (it follows the viewport); the
 * wall sets its own from its physical display (shared/ui/wallTypography.ts). Canvas-drawn
 * sizes (map labels, dots) subscribe here so they stay in step with the DOM text.
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

/** Sets the root font size (px), or null to hand it back to the stylesheet. */
export function setRootRem(px: number | null): void {
  document.documentElement.style.fontSize = px === null ? '' : `${px.toFixed(3)}px`;
  notify();
}

export function rootRemPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Called on a root size change and on resize (the stylesheet's rem follows the viewport). */
export function subscribeRootRem(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('resize', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('resize', listener);
  };
}

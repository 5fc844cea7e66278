import type { MessageKey } from '../../../shared/i18n/translate';

/** "Last report": how long ago, in the largest whole unit (`2 phút trước`). */
export function lastSeenAgo(lastSeenAt: string, now: number): { key: MessageKey; n: number } {
  const s = Math.max(0, Math.floor((now - Date.parse(lastSeenAt)) / 1000));
  if (s < 60) return { key: 'wallScreens.ago.now', n: 0 };
  const m = Math.floor(s / 60);
  if (m < 60) return { key: 'wallScreens.ago.minutes', n: m };
  const h = Math.floor(m / 60);
  if (h < 24) return { key: 'wallScreens.ago.hours', n: h };
  return { key: 'wallScreens.ago.days', n: Math.floor(h / 24) };
}

/**
 * The wall of `unit` pinned to one scene, as an admin's preview: kiosk (nothing to click) and
 * `preview` (never reports in as a screen).
 */
export function scenePreviewPath(unit: string, sceneId: string): string {
  const q = new URLSearchParams({ unit, scene: sceneId, kiosk: '1', preview: '1' });
  return `/wall?${q.toString()}`;
}

/** The preview lays the wall out at this size, like a real screen, then scales it down. */
export const PREVIEW_WALL = { width: 1920, height: 1080 } as const;

/** Scale of a wall of PREVIEW_WALL size shown `boxWidth` px wide. */
export function previewScale(boxWidth: number): number {
  return boxWidth / PREVIEW_WALL.width;
}

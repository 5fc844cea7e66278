import type { CameraGridLayout } from '@ioc/contracts';
import type { SceneSlot } from './sceneClock';

export const TILES_PER_LAYOUT: Record<CameraGridLayout, number> = { '2x2': 4, '3x3': 9 };

export interface CameraPage {
  /** The cameras on screen now, at most the layout's tiles. */
  ids: string[];
  /** 0-based page and the page count (1 when everything fits). */
  page: number;
  pages: number;
}

/**
 * Which cameras a grid scene shows at `now`. More cameras than tiles are paged with the scene
 * clock, so every screen of the wall shows the same page: a rotating scene splits its time on
 * screen between its pages; a still one (pinned, or the only scene) turns a page every
 * `durationSec`, laid from the Unix epoch like the scene cycle itself.
 */
export function cameraPageAt(input: {
  ids: readonly string[];
  layout: CameraGridLayout;
  slot: Pick<SceneSlot, 'rotating' | 'progress'>;
  durationSec: number;
  now: number;
}): CameraPage {
  const per = TILES_PER_LAYOUT[input.layout];
  const pages = Math.max(1, Math.ceil(input.ids.length / per));
  let page = 0;
  if (pages > 1) {
    page = input.slot.rotating
      ? Math.min(pages - 1, Math.floor(input.slot.progress * pages))
      : Math.floor(input.now / (Math.max(1, input.durationSec) * 1000)) % pages;
  }
  return { ids: input.ids.slice(page * per, page * per + per), page, pages };
}

import type { ScreenReportBody } from '@ioc/contracts';
import type { DisplayParams } from '../../../shared/api/urlParams';
import type { SceneSlot } from './sceneClock';

/**
 * Whether this page reports in as a wall screen: only a wall opened with a display token (a
 * screen), never an admin's preview nor a person's signed-in wall.
 */
export function reportsIn(params: Pick<DisplayParams, 'token' | 'preview'>): boolean {
  return params.token !== null && !params.preview;
}

/** What the screen tells the server it shows (`POST /api/v1/wall/screens/report`). */
export function screenReport(input: {
  params: Pick<DisplayParams, 'unitCode' | 'tiles' | 'tile' | 'kiosk'>;
  slot: SceneSlot | null;
  viewport: { width: number; height: number };
  build: string | null;
}): ScreenReportBody {
  const { params, slot, viewport, build } = input;
  return {
    unit: params.unitCode,
    tiles: params.tiles,
    tile: params.tile,
    sceneId: slot?.scene.id ?? null,
    sceneKind: slot?.scene.kind ?? null,
    viewport: {
      width: Math.max(1, Math.round(viewport.width)),
      height: Math.max(1, Math.round(viewport.height)),
    },
    kiosk: params.kiosk,
    build,
  };
}

/**
 * The build of the running web app: the file name of its entry script, which carries the
 * bundler's content hash (`index-3f9a1c.js`), so two screens on different builds tell apart.
 */
export function buildOf(scripts: readonly { src: string }[]): string | null {
  for (const s of scripts) {
    const name = /\/([^/?#]+\.js)(?:[?#].*)?$/.exec(s.src)?.[1];
    if (name) return name.slice(0, 120);
  }
  return null;
}

import type { CameraView, WallScene } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { CameraTile } from '../../../shared/video/CameraTile';
import { cameraPageAt } from '../model/cameraPages';
import type { SceneSlot } from '../model/sceneClock';
import '../cameras.css';

/**
 * A camera-grid scene over the map area: 2×2 or 3×3 live tiles, paged with the scene clock.
 * Tiles are keyed by camera, so a page turn unmounts the old tiles and their decoders go with
 * them. A camera the wall's unit may not see still gets its tile, which says "not allowed".
 */
export function CameraGrid({
  scene,
  slot,
  now,
  cameras,
}: {
  scene: WallScene;
  slot: SceneSlot;
  now: number;
  cameras: readonly CameraView[] | null;
}) {
  const { t } = useI18n();
  const grid = scene.cameras ?? { layout: '2x2' as const, ids: [] };
  const page = cameraPageAt({
    ids: grid.ids,
    layout: grid.layout,
    slot,
    durationSec: scene.durationSec,
    now,
  });
  const names = new Map((cameras ?? []).map((c) => [c.id, c.name] as const));
  return (
    <section
      className={`camera-grid camera-grid--${grid.layout}`}
      data-testid="camera-grid"
      data-layout={grid.layout}
      data-page={page.page}
      data-pages={page.pages}
    >
      {page.ids.length === 0 && <p className="camera-grid-empty">{t('camera.grid.empty')}</p>}
      {page.ids.map((id) => (
        <CameraTile
          key={id}
          cameraId={id}
          label={names.get(id) ?? id}
          compact={grid.layout === '3x3'}
        />
      ))}
      {page.pages > 1 && (
        <p className="camera-grid-page">
          {t('camera.grid.page', { page: page.page + 1, pages: page.pages })}
        </p>
      )}
    </section>
  );
}

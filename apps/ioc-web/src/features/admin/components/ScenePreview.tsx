import { useI18n } from '../../../shared/i18n/useI18n';
import { PREVIEW_WALL, previewScale, scenePreviewPath } from '../model/screens';
import '../wall-management.css';

/** Width of the preview box; the wall inside is laid out at 1920×1080 and scaled to it. */
const BOX_WIDTH = 480;

/**
 * A live, scaled-down wall pinned to one scene: the real wall page in a frame, laid out at
 * 1920×1080 like a screen and scaled down, so it looks like the wall does. Kiosk, so nothing in
 * it reacts; `preview`, so it never reports in as a screen. Rendered only on demand: one
 * MapLibre wall is heavy where the GPU is software.
 */
export function ScenePreview({
  unit,
  sceneId,
  sceneName,
}: {
  unit: string;
  sceneId: string;
  sceneName: string;
}) {
  const { t } = useI18n();
  const scale = previewScale(BOX_WIDTH);
  return (
    <figure className="scene-preview" data-testid="scene-preview" data-scene-id={sceneId}>
      <div
        className="scene-preview-box"
        style={{ width: BOX_WIDTH, height: PREVIEW_WALL.height * scale }}
      >
        <iframe
          title={t('wallScreens.previewTitle', { scene: sceneName })}
          src={scenePreviewPath(unit, sceneId)}
          tabIndex={-1}
          style={{
            width: PREVIEW_WALL.width,
            height: PREVIEW_WALL.height,
            transform: `scale(${String(scale)})`,
          }}
        />
      </div>
      <figcaption className="admin-hint">{t('wallScreens.previewHint')}</figcaption>
    </figure>
  );
}

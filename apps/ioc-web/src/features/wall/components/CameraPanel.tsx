import type { CameraView } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { MessageKey } from '../../../shared/i18n/translate';
import { CameraTile } from '../../../shared/video/CameraTile';
import '../cameras.css';

export const CAMERA_KIND_KEYS: Record<CameraView['kind'], MessageKey> = {
  traffic: 'camera.kind.traffic',
  security: 'camera.kind.security',
  port: 'camera.kind.port',
  flood: 'camera.kind.flood',
};

/** A camera clicked on the map, live, over the map until closed; the wall keeps running. */
export function CameraPanel({ camera, onClose }: { camera: CameraView; onClose?: () => void }) {
  const { t } = useI18n();
  return (
    <section
      className="camera-panel"
      data-testid="camera-panel"
      data-camera-id={camera.id}
      aria-label={t('camera.panel.title')}
    >
      <header className="camera-panel-head">
        <h2 className="camera-panel-title">
          {camera.name}
          <small>{t(CAMERA_KIND_KEYS[camera.kind])}</small>
        </h2>
        {onClose && (
          <button type="button" className="camera-panel-close" onClick={onClose}>
            {t('camera.panel.close')}
          </button>
        )}
      </header>
      <CameraTile cameraId={camera.id} label={camera.name} />
    </section>
  );
}

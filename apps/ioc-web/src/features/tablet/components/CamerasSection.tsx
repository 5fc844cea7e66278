import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { CameraTile } from '../../../shared/video/CameraTile';
import { useCameras } from '../../../shared/video/useCameras';

/**
 * The ward's cameras for its leader: one plays at a time (a tablet on a field connection), chosen
 * by a large button per camera; a second tap stops it. Only the ward's cameras are listed — the
 * API scopes the list to the leader's units.
 */
export function CamerasSection({ unitCode }: { unitCode: string }) {
  const { t } = useI18n();
  const cameras = useCameras(unitCode);
  const [playing, setPlaying] = useState<string | null>(null);
  const list = cameras.data ?? [];
  const current = list.find((c) => c.id === playing) ?? null;
  return (
    <section
      className="tablet-section tablet-cameras"
      aria-labelledby="tablet-cameras-title"
      data-testid="tablet-cameras"
    >
      <h2 id="tablet-cameras-title">{t('camera.tablet.title')}</h2>
      {cameras.error && list.length === 0 && (
        <p className="tablet-notice is-error">{t('camera.tablet.loadFailed')}</p>
      )}
      {cameras.data?.length === 0 && <p className="tablet-empty">{t('camera.tablet.empty')}</p>}
      {current && <CameraTile key={current.id} cameraId={current.id} label={current.name} />}
      <ul className="tablet-camera-list">
        {list.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`tablet-button${c.id === playing ? '' : ' is-outline'}`}
              aria-pressed={c.id === playing}
              data-camera-id={c.id}
              onClick={() => {
                setPlaying((p) => (p === c.id ? null : c.id));
              }}
            >
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

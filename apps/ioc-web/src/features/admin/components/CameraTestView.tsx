import { useEffect, useState } from 'react';
import type { CameraViewGrant } from '@ioc/contracts';
import { requestCameraView } from '../model/cameraEndpoints';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';
import { CameraTile } from '../../../shared/video/CameraTile';

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; grant: CameraViewGrant }
  | { phase: 'failed'; error: unknown };

/**
 * "Test playback": asks for a viewing token exactly as a wall tile does and shows what came
 * back — the token's expiry and the media server URLs — so an administrator can check the
 * media server settings (MEDIA_WHEP_URL, MEDIA_HLS_URL, the camera's paths) before any screen
 * shows the camera.
 * Below the URLs' grant, the wall's own player (CameraTile) plays the camera.
 */
export function CameraTestView({ cameraId }: { cameraId: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ phase: 'loading' });
    requestCameraView(cameraId, ctrl.signal).then(
      (grant) => {
        if (!ctrl.signal.aborted) setState({ phase: 'ready', grant });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState({ phase: 'failed', error });
      },
    );
    return () => {
      ctrl.abort();
    };
  }, [cameraId, attempt]);

  const again = (
    <button
      type="button"
      onClick={() => {
        setAttempt((n) => n + 1);
      }}
    >
      {t('admin.cameras.test.again')}
    </button>
  );

  if (state.phase === 'loading')
    return (
      <div className="admin-state" aria-busy="true" data-testid="camera-test">
        {t('app.loading')}
      </div>
    );
  if (state.phase === 'failed')
    return (
      <div className="admin-state admin-state-error" role="alert" data-testid="camera-test">
        <p>{errorText(t, state.error)}</p>
        {again}
      </div>
    );
  const g = state.grant;
  const urls: [string, string | null][] = [
    [t('admin.cameras.whepPath'), g.whepUrl],
    [t('admin.cameras.hlsPath'), g.hlsUrl],
    [t('admin.cameras.snapshotUrl'), g.snapshotUrl],
  ];
  return (
    <section
      className="admin-subsection"
      data-testid="camera-test"
      aria-label={t('admin.cameras.test.title')}
    >
      <h3>{t('admin.cameras.test.title')}</h3>
      {/* The player a wall tile uses, with its own token: what plays here plays on a screen. */}
      <div className="admin-camera-slot" data-testid="camera-player-slot">
        <CameraTile cameraId={cameraId} label={cameraId} compact />
      </div>
      <p data-testid="camera-test-expiry">
        {t('admin.cameras.test.expires', { time: formatDateTime(new Date(g.expiresAt)) })}
      </p>
      <dl className="admin-camera-urls">
        {urls.map(([label, url]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{url === null ? t('admin.cameras.test.noUrl') : <code>{url}</code>}</dd>
          </div>
        ))}
      </dl>
      <p className="admin-hint">{t('admin.cameras.test.hint')}</p>
      <div className="admin-form-actions">{again}</div>
    </section>
  );
}

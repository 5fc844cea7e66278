import type { CameraView } from '@ioc/contracts';
import { deleteCamera } from '../model/cameraEndpoints';
import { CAMERA_KIND_KEYS } from '../model/cameras';
import { unitLabel, type UnitDirectory } from '../model/unitDirectory';
import { formatPosition } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { MessageKey } from '../../../shared/i18n/translate';
import { CameraForm } from './CameraForm';
import { CameraTestView } from './CameraTestView';
import { ConfirmButton } from './ConfirmButton';

export const CAMERA_COLUMNS = 7;

const STATUS: Record<CameraView['status'], { key: MessageKey; className: string }> = {
  online: { key: 'admin.cameras.status.online', className: 'admin-badge admin-badge-ok' },
  offline: { key: 'admin.cameras.status.offline', className: 'admin-badge admin-badge-warn' },
  unknown: { key: 'admin.cameras.status.unknown', className: 'admin-badge' },
};

/** What a camera row has open below it: its form, or the playback test. */
export type CameraRowOpen = 'edit' | 'test' | null;

/** One camera in the table; its form or its playback test opens in a row of its own below. */
export function CameraRow({
  camera: c,
  dir,
  open,
  onOpen,
  onSaved,
  onDeleted,
}: {
  camera: CameraView;
  dir: UnitDirectory | null;
  open: CameraRowOpen;
  onOpen: (open: CameraRowOpen) => void;
  onSaved: (camera: CameraView) => void;
  onDeleted: () => void;
}) {
  const { t, lang } = useI18n();
  const status = STATUS[c.status];
  const paths: [string, string | null][] = [
    ['WHEP', c.whepPath],
    ['HLS', c.hlsPath],
    [t('admin.cameras.snapshot'), c.snapshotUrl],
  ];
  return (
    <>
      <tr data-testid="camera-row" data-id={c.id}>
        <td>
          {c.name}
          <div className="admin-sub">
            <code>{c.id}</code>
          </div>
        </td>
        <td>{t(CAMERA_KIND_KEYS[c.kind])}</td>
        <td>
          {unitLabel(dir, c.unitCode)}
          <div className="admin-sub">{formatPosition(lang, c.lat, c.lon)}</div>
        </td>
        <td>
          {paths
            .filter((p): p is [string, string] => p[1] !== null)
            .map(([label, p]) => (
              <div key={label} className="admin-sub">
                {label}: <code>{p}</code>
              </div>
            ))}
        </td>
        <td data-testid="camera-credentials-cell">
          {c.hasCredentials ? t('admin.cameras.cred.yes') : t('admin.cameras.cred.no')}
        </td>
        <td>
          <span className={status.className}>{t(status.key)}</span>
          {c.tags.length > 0 && <div className="admin-sub">{c.tags.join(', ')}</div>}
        </td>
        <td className="admin-actions">
          <button
            type="button"
            data-testid="camera-edit"
            onClick={() => {
              onOpen(open === 'edit' ? null : 'edit');
            }}
          >
            {open === 'edit' ? t('admin.cancel') : t('admin.edit')}
          </button>
          <button
            type="button"
            data-testid="camera-test-open"
            aria-expanded={open === 'test'}
            onClick={() => {
              onOpen(open === 'test' ? null : 'test');
            }}
          >
            {t('admin.cameras.test.open')}
          </button>
          <ConfirmButton
            label={t('admin.cameras.delete')}
            question={t('admin.cameras.deleteConfirm', { name: c.name })}
            danger
            testId="camera-delete"
            onConfirm={async () => {
              await deleteCamera(c.id);
              onDeleted();
            }}
          />
        </td>
      </tr>
      {open !== null && (
        <tr className="admin-edit-row">
          <td colSpan={CAMERA_COLUMNS}>
            {open === 'edit' ? (
              <CameraForm
                dir={dir}
                province={c.unitCode.slice(0, 2)}
                existing={c}
                onCancel={() => {
                  onOpen(null);
                }}
                onSaved={onSaved}
              />
            ) : (
              <CameraTestView cameraId={c.id} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

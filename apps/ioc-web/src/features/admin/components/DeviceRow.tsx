import { rotateDeviceToken } from '../model/endpoints';
import { deviceKindLabel } from '../model/labels';
import type { DeviceDetail as AdminDevice } from '@ioc/contracts';
import { DEFAULT_PROVINCE, unitLabel, type UnitDirectory } from '../model/unitDirectory';
import { formatDateTime, formatPosition } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { ConfirmButton } from './ConfirmButton';
import { DeviceForm } from './DeviceForm';

/** One device in the table; while edited, its form opens in a row of its own below it. */
export function DeviceRow({
  device: d,
  dir,
  editing,
  onEdit,
  onSaved,
  onRotated,
}: {
  device: AdminDevice;
  dir: UnitDirectory | null;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onSaved: () => void;
  onRotated: (token: string, topic: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <tr data-testid="device-row" data-id={d.id}>
        <td>
          <code>{d.id}</code>
          {d.name !== null && <div className="admin-sub">{d.name}</div>}
        </td>
        <td>{deviceKindLabel(t, d.kind)}</td>
        <td>{unitLabel(dir, d.unitCode)}</td>
        <td>{d.lon !== null && d.lat !== null ? formatPosition(lang, d.lat, d.lon) : '—'}</td>
        <td>
          {d.lastSeen !== null ? formatDateTime(new Date(d.lastSeen)) : t('admin.devices.never')}
        </td>
        <td className="admin-actions">
          <button
            type="button"
            onClick={() => {
              onEdit(!editing);
            }}
          >
            {editing ? t('admin.cancel') : t('admin.edit')}
          </button>
          <ConfirmButton
            label={t('admin.devices.rotate')}
            question={t('admin.devices.rotateConfirm')}
            testId="device-rotate"
            onConfirm={async () => {
              const r = await rotateDeviceToken(d.id);
              onRotated(r.token, r.device.mqttTopic);
            }}
          />
        </td>
      </tr>
      {editing && (
        <tr className="admin-edit-row">
          <td colSpan={6}>
            <DeviceForm
              dir={dir}
              province={(d.unitCode ?? DEFAULT_PROVINCE).slice(0, 2)}
              existing={d}
              onCancel={() => {
                onEdit(false);
              }}
              onSaved={onSaved}
            />
          </td>
        </tr>
      )}
    </>
  );
}

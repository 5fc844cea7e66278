import { useMemo, useState } from 'react';
import { fetchAdminDevices } from '../model/endpoints';
import { DEFAULT_PROVINCE, useUnitDirectory } from '../model/unitDirectory';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AddButton, AdminSection, AdminTable } from './AdminSection';
import { DeviceForm } from './DeviceForm';
import { DeviceRow } from './DeviceRow';
import { IssuedDeviceToken, type Issued } from './IssuedDeviceToken';
import { ListState } from './ListState';
import { UnitSelect } from './UnitSelect';

/** /admin/devices: list by unit, register with a map placement, rotate tokens, move/edit. */
export function DevicesSection() {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const [unit, setUnit] = useState(DEFAULT_PROVINCE);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const devices = useResource((signal) => fetchAdminDevices(unit, signal), [unit]);
  const q = query.trim().toLowerCase();

  const visible = useMemo(
    () => (devices.data ?? []).filter((d) => q === '' || d.id.toLowerCase().includes(q)),
    [devices.data, q],
  );

  return (
    <AdminSection
      name="devices"
      title={t('admin.devices.title')}
      action={
        !adding && (
          <AddButton
            label={t('admin.devices.add')}
            testId="device-add"
            onClick={() => {
              setAdding(true);
              setIssued(null);
            }}
          />
        )
      }
    >
      {issued && (
        <IssuedDeviceToken
          issued={issued}
          onClose={() => {
            setIssued(null);
          }}
        />
      )}

      {adding && (
        <DeviceForm
          dir={dir}
          province={unit.slice(0, 2)}
          onCancel={() => {
            setAdding(false);
          }}
          onSaved={(device, token, topic) => {
            setAdding(false);
            setIssued({ id: device, token, topic, rotated: false });
            devices.reload();
          }}
        />
      )}

      <div className="admin-toolbar">
        <label>
          {t('admin.devices.unitFilter')}{' '}
          <UnitSelect dir={dir} value={unit} onChange={setUnit} testId="device-unit-filter" />
        </label>
        <label>
          {t('admin.devices.search')}{' '}
          <input
            type="search"
            value={query}
            placeholder={t('admin.devices.searchPlaceholder')}
            onChange={(e) => {
              setQuery(e.target.value);
            }}
          />
        </label>
      </div>

      <ListState
        resource={devices}
        isEmpty={() => visible.length === 0}
        emptyText={q === '' ? t('admin.devices.empty') : t('admin.devices.noMatch', { query })}
      >
        {() => (
          <AdminTable
            testId="device-table"
            headers={[
              t('admin.devices.id'),
              t('admin.devices.kind'),
              t('admin.devices.unit'),
              t('admin.devices.position'),
              t('admin.devices.lastSeen'),
              t('admin.actions'),
            ]}
          >
            {visible.map((d) => (
              <DeviceRow
                key={d.id}
                device={d}
                dir={dir}
                editing={editing === d.id}
                onEdit={(on) => {
                  setEditing(on ? d.id : null);
                }}
                onSaved={() => {
                  setEditing(null);
                  devices.reload();
                }}
                onRotated={(token, topic) => {
                  setIssued({ id: d.id, token, topic, rotated: true });
                }}
              />
            ))}
          </AdminTable>
        )}
      </ListState>
    </AdminSection>
  );
}

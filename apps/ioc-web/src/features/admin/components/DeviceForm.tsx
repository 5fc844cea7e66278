import { useState, type SyntheticEvent } from 'react';
import { createDevice, updateDevice } from '../model/endpoints';
import { parsePlacement, type PlacementInput } from '../model/devices';
import { DEVICE_KINDS } from '@ioc/contracts';
import { deviceKindLabel } from '../model/labels';
import { isDeviceKind } from '../../../shared/ui/deviceKind';
import type { DeviceDetail as AdminDevice } from '@ioc/contracts';
import type { UnitDirectory } from '../model/unitDirectory';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FormActions } from './AdminSection';
import { Field, FormErrors, TextField } from '../../../shared/ui/Field';
import { PlacementMap } from './PlacementMap';
import { UnitSelect } from './UnitSelect';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';

/**
 * Registers a device (its token comes back once, to `onSaved`) or edits `existing`. A device is
 * placed by a map point or, without one, by the unit it serves.
 */
export function DeviceForm({
  dir,
  province,
  existing,
  onCancel,
  onSaved,
}: {
  dir: UnitDirectory | null;
  province: string;
  existing?: AdminDevice;
  onCancel: () => void;
  onSaved: (id: string, token: string, topic: string) => void;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<PlacementInput>({
    id: existing?.id ?? '',
    kind: existing?.kind ?? 'air_quality',
    name: existing?.name ?? '',
    unitCode: existing && existing.lon === null ? (existing.unitCode ?? '') : '',
    lon: existing?.lon?.toString() ?? '',
    lat: existing?.lat?.toString() ?? '',
    gatewayId: existing?.gatewayId ?? '',
    // The server never sends a device's DevEUI back: it can be set at registration only.
    devEui: '',
    intervalS: existing?.intervalS.toString() ?? '',
    alarm1: existing?.alarmLevels?.[0]?.toString() ?? '',
    alarm2: existing?.alarmLevels?.[1]?.toString() ?? '',
    alarm3: existing?.alarmLevels?.[2]?.toString() ?? '',
  });
  const { fields, form, busy, begin, fail } = useFormProblems();
  const set = (patch: Partial<PlacementInput>) => {
    setV((old) => ({ ...old, ...patch }));
  };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const parsed = parsePlacement(v, existing !== undefined, existing?.kind);
    if (!parsed.ok) {
      const problems: FieldProblems = Object.fromEntries(
        Object.entries(parsed.errors).map(([k, key]) => [k, [t(key)]]),
      );
      begin(problems);
      return;
    }
    begin({});
    const done = existing
      ? updateDevice(existing.id, parsed.body).then(() => {
          onSaved(existing.id, '', '');
        })
      : createDevice(parsed.body).then((r) => {
          onSaved(r.device.id, r.token, r.device.mqttTopic);
        });
    done.catch((err: unknown) => {
      fail(err);
    });
  };

  const text = (
    key: keyof PlacementInput,
    label: string,
    extra: { autoComplete?: string; inputMode?: 'decimal' | 'numeric'; hint?: string } = {},
  ) => (
    <TextField
      label={label}
      errors={fields[key]}
      name={key}
      value={v[key]}
      spellCheck={false}
      onValue={(value) => {
        set({ [key]: value });
      }}
      {...extra}
    />
  );

  const lon = Number.parseFloat(v.lon);
  const lat = Number.parseFloat(v.lat);
  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="device-form">
      <h3>
        {existing ? t('admin.devices.editTitle', { id: existing.id }) : t('admin.devices.addTitle')}
      </h3>
      <FormErrors messages={form} />
      <div className="admin-form-grid">
        <div>
          {!existing &&
            text('id', t('admin.devices.id'), {
              autoComplete: 'off',
              hint: t('admin.devices.idHint'),
            })}
          <Field label={t('admin.devices.kind')} errors={fields['kind']}>
            {(id, describedBy) => (
              <>
                <select
                  id={id}
                  name="kind"
                  value={v.kind}
                  aria-describedby={describedBy}
                  onChange={(e) => {
                    set({ kind: e.target.value });
                  }}
                >
                  {/* A kind stored before the list had it stays choosable for its device. */}
                  {!isDeviceKind(v.kind) && <option value={v.kind}>{v.kind}</option>}
                  {DEVICE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {deviceKindLabel(t, k)}
                    </option>
                  ))}
                </select>
              </>
            )}
          </Field>
          {text('name', t('admin.devices.name'))}
          <fieldset className="admin-fieldset">
            <legend>{t('admin.devices.placement')}</legend>
            <p className="admin-hint">{t('admin.devices.placementHint')}</p>
            <div className="admin-inline">
              {text('lat', t('admin.devices.lat'), { inputMode: 'decimal' })}
              {text('lon', t('admin.devices.lon'), { inputMode: 'decimal' })}
            </div>
            <Field label={t('admin.devices.unitOnly')} errors={fields['unitCode']}>
              {(id, describedBy) => (
                <UnitSelect
                  id={id}
                  dir={dir}
                  value={v.unitCode}
                  allowEmpty
                  describedBy={describedBy}
                  onChange={(unitCode) => {
                    set({ unitCode });
                  }}
                />
              )}
            </Field>
          </fieldset>
          <details className="admin-details">
            <summary>{t('admin.devices.advanced')}</summary>
            {!existing && (
              <>
                {text('gatewayId', t('admin.devices.gatewayId'))}
                {text('devEui', t('admin.devices.devEui'))}
              </>
            )}
            {text('intervalS', t('admin.devices.intervalS'), { inputMode: 'numeric' })}
          </details>
          <details className="admin-details" open={Boolean(existing?.alarmLevels)}>
            <summary>{t('admin.devices.alarms')}</summary>
            <p className="admin-hint">{t('admin.devices.alarmsHint')}</p>
            <div className="admin-inline">
              {text('alarm1', t('admin.devices.alarm', { n: 'I' }), { inputMode: 'decimal' })}
              {text('alarm2', t('admin.devices.alarm', { n: 'II' }), { inputMode: 'decimal' })}
              {text('alarm3', t('admin.devices.alarm', { n: 'III' }), { inputMode: 'decimal' })}
            </div>
          </details>
        </div>
        <PlacementMap
          unitCode={province}
          lon={Number.isFinite(lon) ? lon : null}
          lat={Number.isFinite(lat) ? lat : null}
          onPick={(pLon, pLat) => {
            set({ lon: String(pLon), lat: String(pLat), unitCode: '' });
          }}
        />
      </div>
      <FormActions
        busy={busy}
        submitLabel={existing ? t('admin.save') : t('admin.devices.register')}
        onCancel={onCancel}
        submitTestId="device-submit"
      />
    </form>
  );
}

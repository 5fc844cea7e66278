import { useMemo, useState, type SyntheticEvent } from 'react';
import {
  createDevice,
  fetchAdminDevices,
  rotateDeviceToken,
  updateDevice,
} from '../../admin/endpoints';
import { DEVICE_KINDS, deviceKindLabel } from '../../admin/labels';
import type { AdminDevice } from '../../admin/schemas';
import { unitLabel, useUnitDirectory, type UnitDirectory } from '../../admin/unitDirectory';
import { useResource } from '../../admin/useResource';
import { parsePlacement, telemetryTopic, type PlacementInput } from '../../admin/devices';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/useI18n';
import { PlacementMap } from './PlacementMap';
import {
  ConfirmButton,
  errorText,
  Field,
  FormErrors,
  ListState,
  problemsOf,
  SecretBox,
} from './ui';
import { UnitSelect } from './UnitSelect';

const DEFAULT_PROVINCE = '48';

interface Issued {
  id: string;
  token: string;
  topic: string;
  rotated: boolean;
}

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
    <section className="admin-section" aria-labelledby="devices-title">
      <div className="admin-section-head">
        <h2 id="devices-title">{t('admin.devices.title')}</h2>
        {!adding && (
          <button
            type="button"
            className="admin-primary"
            data-testid="device-add"
            onClick={() => {
              setAdding(true);
              setIssued(null);
            }}
          >
            {t('admin.devices.add')}
          </button>
        )}
      </div>

      {issued && (
        <SecretBox
          title={
            issued.rotated
              ? t('admin.devices.rotatedTitle', { id: issued.id })
              : t('admin.devices.tokenTitle', { id: issued.id })
          }
          secret={issued.token}
          testId="device-token"
          onClose={() => {
            setIssued(null);
          }}
        >
          <dl className="admin-facts">
            <dt>{t('admin.devices.mqttUser')}</dt>
            <dd>
              <code>{issued.id}</code>
            </dd>
            <dt>{t('admin.devices.mqttTopic')}</dt>
            <dd>
              <code data-testid="device-topic">{issued.topic}</code>
            </dd>
            <dt>{t('admin.devices.example')}</dt>
            <dd>
              <code className="admin-code-block">
                {`mosquitto_pub -u ${issued.id} -P <token> -t ${issued.topic} -m '{"values":{"pm25":12.5}}'`}
              </code>
            </dd>
          </dl>
        </SecretBox>
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
          <table className="admin-table" data-testid="device-table">
            <thead>
              <tr>
                <th>{t('admin.devices.id')}</th>
                <th>{t('admin.devices.kind')}</th>
                <th>{t('admin.devices.unit')}</th>
                <th>{t('admin.devices.position')}</th>
                <th>{t('admin.devices.lastSeen')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        )}
      </ListState>
    </section>
  );
}

function DeviceRow({
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
  const { t, num } = useI18n();
  return (
    <>
      <tr data-testid="device-row" data-id={d.id}>
        <td>
          <code>{d.id}</code>
          {d.name !== null && <div className="admin-sub">{d.name}</div>}
        </td>
        <td>{deviceKindLabel(t, d.kind)}</td>
        <td>{unitLabel(dir, d.unitCode)}</td>
        <td>{d.lon !== null && d.lat !== null ? `${num(d.lat, 5)}, ${num(d.lon, 5)}` : '—'}</td>
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
              onRotated(r.token, r.device.mqttTopic ?? telemetryTopic(d.id));
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

function DeviceForm({
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
    devEui: existing?.devEui ?? '',
    intervalS: existing?.intervalS?.toString() ?? '',
  });
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [form, setForm] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PlacementInput>) => {
    setV((old) => ({ ...old, ...patch }));
  };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const parsed = parsePlacement(v, existing !== undefined);
    if (!parsed.ok) {
      setFields(Object.fromEntries(Object.entries(parsed.errors).map(([k, key]) => [k, [t(key)]])));
      setForm([]);
      return;
    }
    setFields({});
    setForm([]);
    setBusy(true);
    const done = existing
      ? updateDevice(existing.id, parsed.body).then(() => {
          onSaved(existing.id, '', '');
        })
      : createDevice(parsed.body).then((r) => {
          onSaved(r.device.id, r.token, r.device.mqttTopic ?? telemetryTopic(r.device.id));
        });
    done.catch((err: unknown) => {
      setBusy(false);
      const p = problemsOf(err);
      setFields(p.fields);
      setForm(Object.keys(p.fields).length > 0 ? p.form : [errorText(t, err), ...p.form]);
    });
  };

  const text = (key: keyof PlacementInput, extra: Record<string, string> = {}) =>
    function TextInput(id: string, describedBy: string | undefined) {
      return (
        <input
          id={id}
          name={key}
          value={v[key]}
          aria-describedby={describedBy}
          aria-invalid={describedBy !== undefined}
          spellCheck={false}
          onChange={(e) => {
            set({ [key]: e.target.value });
          }}
          {...extra}
        />
      );
    };

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
          {!existing && (
            <Field
              label={t('admin.devices.id')}
              errors={fields['id']}
              hint={t('admin.devices.idHint')}
            >
              {text('id', { autoComplete: 'off' })}
            </Field>
          )}
          <Field label={t('admin.devices.kind')} errors={fields['kind']}>
            {(id, describedBy) => (
              <>
                <input
                  id={id}
                  name="kind"
                  list="device-kinds"
                  value={v.kind}
                  aria-describedby={describedBy}
                  onChange={(e) => {
                    set({ kind: e.target.value });
                  }}
                />
                <datalist id="device-kinds">
                  {DEVICE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {deviceKindLabel(t, k)}
                    </option>
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={t('admin.devices.name')} errors={fields['name']}>
            {text('name')}
          </Field>
          <fieldset className="admin-fieldset">
            <legend>{t('admin.devices.placement')}</legend>
            <p className="admin-hint">{t('admin.devices.placementHint')}</p>
            <div className="admin-inline">
              <Field label={t('admin.devices.lat')} errors={fields['lat']}>
                {text('lat', { inputMode: 'decimal' })}
              </Field>
              <Field label={t('admin.devices.lon')} errors={fields['lon']}>
                {text('lon', { inputMode: 'decimal' })}
              </Field>
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
                <Field label={t('admin.devices.gatewayId')} errors={fields['gatewayId']}>
                  {text('gatewayId')}
                </Field>
                <Field label={t('admin.devices.devEui')} errors={fields['devEui']}>
                  {text('devEui')}
                </Field>
              </>
            )}
            <Field label={t('admin.devices.intervalS')} errors={fields['intervalS']}>
              {text('intervalS', { inputMode: 'numeric' })}
            </Field>
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
      <div className="admin-form-actions">
        <button type="submit" className="admin-primary" disabled={busy} data-testid="device-submit">
          {existing ? t('admin.save') : t('admin.devices.register')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useState, type SyntheticEvent } from 'react';
import { CAMERA_KINDS, type CameraCreate, type CameraView } from '@ioc/contracts';
import { createCamera, updateCamera } from '../model/cameraEndpoints';
import { CAMERA_KIND_KEYS, cameraInput, parseCameraForm, type CameraInput } from '../model/cameras';
import type { UnitDirectory } from '../model/unitDirectory';
import { useI18n } from '../../../shared/i18n/useI18n';
import { Field, FormErrors, SelectField, TextField } from '../../../shared/ui/Field';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';
import { FormActions } from './AdminSection';
import { CameraCredentialsFields } from './CameraCredentialsFields';
import { PlacementMap } from './PlacementMap';
import { PointUnit } from './PointUnit';
import { UnitSelect } from './UnitSelect';

/**
 * Registers a camera or edits `existing`: placed by a click on the map (the API then files it
 * under the unit holding the point, unless a unit is chosen), the media server's stream paths,
 * tags, and a write-only credential.
 */
export function CameraForm({
  dir,
  province,
  existing,
  onCancel,
  onSaved,
}: {
  dir: UnitDirectory | null;
  province: string;
  existing?: CameraView;
  onCancel: () => void;
  onSaved: (camera: CameraView) => void;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<CameraInput>(() => cameraInput(existing));
  const { fields, form, busy, begin, fail, setFields } = useFormProblems();
  const [clientForm, setClientForm] = useState<string[]>([]);
  const set = (patch: Partial<CameraInput>) => {
    setV((old) => ({ ...old, ...patch }));
  };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const parsed = parseCameraForm(v, existing !== undefined);
    if (!parsed.ok) {
      const problems: FieldProblems = Object.fromEntries(
        Object.entries(parsed.errors).map(([k, key]) => [k, [t(key)]]),
      );
      // A problem no field can show goes above the form.
      setClientForm(parsed.form);
      if (Object.keys(problems).length > 0) begin(problems);
      else setFields({});
      return;
    }
    setClientForm([]);
    begin({});
    // parseCameraForm built a patch body for an edit and a create body otherwise.
    const done = existing
      ? updateCamera(existing.id, parsed.body)
      : createCamera(parsed.body as CameraCreate);
    done.then(
      (camera) => {
        onSaved(camera);
      },
      (err: unknown) => {
        fail(err);
      },
    );
  };

  const text = (
    key: keyof CameraInput,
    label: string,
    extra: {
      autoComplete?: string;
      inputMode?: 'decimal';
      hint?: string;
      placeholder?: string;
    } = {},
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

  const lon = Number.parseFloat(v.lon.replace(',', '.'));
  const lat = Number.parseFloat(v.lat.replace(',', '.'));
  const point = Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null;
  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="camera-form">
      <h3>
        {existing ? t('admin.cameras.editTitle', { id: existing.id }) : t('admin.cameras.addTitle')}
      </h3>
      <FormErrors messages={[...clientForm, ...form]} />
      <div className="admin-form-grid">
        <div>
          {!existing &&
            text('id', t('admin.cameras.id'), {
              autoComplete: 'off',
              hint: t('admin.cameras.idHint'),
            })}
          {text('name', t('admin.cameras.name'))}
          <SelectField
            label={t('admin.cameras.kind')}
            errors={fields['kind']}
            value={v.kind}
            options={CAMERA_KINDS}
            optionLabel={(k) => t(CAMERA_KIND_KEYS[k])}
            onValue={(kind) => {
              set({ kind });
            }}
          />
          <fieldset className="admin-fieldset">
            <legend>{t('admin.cameras.placement')}</legend>
            <p className="admin-hint">{t('admin.cameras.placementHint')}</p>
            <div className="admin-inline">
              {text('lat', t('admin.devices.lat'), { inputMode: 'decimal' })}
              {text('lon', t('admin.devices.lon'), { inputMode: 'decimal' })}
            </div>
            <PointUnit dir={dir} point={point} current={existing?.unitCode ?? null} />
            <Field label={t('admin.cameras.unitOverride')} errors={fields['unitCode']}>
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
          <fieldset className="admin-fieldset">
            <legend>{t('admin.cameras.streams')}</legend>
            <p className="admin-hint">{t('admin.cameras.streamsHint')}</p>
            {text('whepPath', t('admin.cameras.whepPath'), { placeholder: 'tho-quang/cong-1' })}
            {text('hlsPath', t('admin.cameras.hlsPath'), { placeholder: 'tho-quang/cong-1' })}
            {text('snapshotUrl', t('admin.cameras.snapshotUrl'), {
              placeholder: 'https://…/snapshot.jpg',
            })}
          </fieldset>
          {text('tags', t('admin.cameras.tags'), { hint: t('admin.cameras.tagsHint') })}
          <CameraCredentialsFields
            value={v}
            editing={existing !== undefined}
            hasCredentials={existing?.hasCredentials ?? false}
            errors={fields['credentials']}
            onChange={set}
          />
        </div>
        <PlacementMap
          unitCode={province}
          lon={point?.lon ?? null}
          lat={point?.lat ?? null}
          texts={{ label: 'admin.cameras.mapLabel', hint: 'admin.cameras.mapHint' }}
          onPick={(pLon, pLat) => {
            // A new point decides the unit, as on the server.
            set({ lon: String(pLon), lat: String(pLat), unitCode: '' });
          }}
        />
      </div>
      <FormActions
        busy={busy}
        submitLabel={existing ? t('admin.save') : t('admin.cameras.register')}
        onCancel={onCancel}
        submitTestId="camera-submit"
      />
    </form>
  );
}

import { useState, type SyntheticEvent } from 'react';
import type { OpenDataSettingsUpdate, PublicationState } from '@ioc/contracts';
import { Field, FormErrors, TextField } from '../../../shared/ui/Field';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { saveOpenDataSettings } from '../model/openDataEndpoints';
import { roundingDistance } from '../model/publication';

const DECIMALS = [0, 1, 2, 3, 4, 5, 6, 7] as const;

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Position rounding and the licence every dataset carries; sends only what changed (PATCH). */
export function OpenDataSettingsForm({
  state,
  onSaved,
}: {
  state: PublicationState;
  onSaved: (state: PublicationState) => void;
}) {
  const { t, num } = useI18n();
  const s = state.settings;
  const [decimals, setDecimals] = useState(
    s.positionDecimals === null ? '' : String(s.positionDecimals),
  );
  const [licenceId, setLicenceId] = useState(s.licenceId);
  const [licenceUrl, setLicenceUrl] = useState(s.licenceUrl);
  const [saved, setSaved] = useState(false);
  const form = useFormProblems();

  const distance = (d: number) => {
    const r = roundingDistance(d);
    return `${num(r.value, r.value < 10 ? 1 : 0)} ${r.unit}`;
  };

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(false);
    const problems: FieldProblems = {};
    if (licenceId.trim() === '') problems['licenceId'] = [t('admin.error.required')];
    if (!isHttpUrl(licenceUrl.trim()))
      problems['licenceUrl'] = [t('admin.openData.settings.badUrl')];
    if (!form.begin(problems)) return;
    const positionDecimals = decimals === '' ? null : Number(decimals);
    const patch: OpenDataSettingsUpdate = {
      ...(positionDecimals === s.positionDecimals ? {} : { positionDecimals }),
      ...(licenceId.trim() === s.licenceId ? {} : { licenceId: licenceId.trim() }),
      ...(licenceUrl.trim() === s.licenceUrl ? {} : { licenceUrl: licenceUrl.trim() }),
    };
    try {
      const next = await saveOpenDataSettings(patch);
      form.done();
      onSaved(next);
      setSaved(true);
    } catch (err) {
      form.fail(err);
    }
  };

  return (
    <form
      className="admin-form"
      aria-labelledby="open-data-settings-title"
      data-testid="open-data-settings"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="open-data-settings-title">{t('admin.openData.settings.title')}</h3>
      <FormErrors messages={form.form} />
      <Field
        label={t('admin.openData.settings.decimals')}
        errors={form.fields['positionDecimals']}
        hint={t('admin.openData.settings.decimalsHint')}
      >
        {(id, describedBy) => (
          <select
            id={id}
            value={decimals}
            aria-describedby={describedBy}
            aria-invalid={describedBy !== undefined}
            data-testid="position-decimals"
            onChange={(e) => {
              setDecimals(e.target.value);
            }}
          >
            <option value="">{t('admin.openData.settings.exact')}</option>
            {DECIMALS.map((d) => (
              <option key={d} value={String(d)}>
                {t('admin.openData.settings.decimalsOption', { d, distance: distance(d) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('admin.openData.settings.licenceId')}
        errors={form.fields['licenceId']}
        value={licenceId}
        onValue={setLicenceId}
        maxLength={64}
        data-testid="licence-id"
      />
      <TextField
        label={t('admin.openData.settings.licenceUrl')}
        errors={form.fields['licenceUrl']}
        value={licenceUrl}
        onValue={setLicenceUrl}
        type="url"
        data-testid="licence-url"
      />
      {s.updatedAt !== null && (
        <p className="admin-hint">
          {t('admin.openData.settings.updated', {
            time: formatDateTime(new Date(s.updatedAt)),
            who: s.updatedBy ?? '—',
          })}
        </p>
      )}
      <div className="admin-form-actions">
        <button
          type="submit"
          className="admin-primary"
          disabled={form.busy}
          data-testid="open-data-settings-save"
        >
          {t('admin.openData.settings.save')}
        </button>
        {saved && (
          <span role="status" className="admin-badge admin-badge-ok">
            {t('admin.openData.settings.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

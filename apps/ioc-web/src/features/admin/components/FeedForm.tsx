import { useState, type SyntheticEvent } from 'react';
import { createFeed, fetchIndicators } from '../model/endpoints';
import { CADENCE_KEYS } from '../model/labels';
import { FEED_CADENCES as CADENCES, feedCreateBody } from '@ioc/contracts';
import { splitList } from '../model/splitList';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FormActions } from './AdminSection';
import { IndicatorPicker } from './IndicatorPicker';
import { Field, FormErrors, SelectField, TextField } from '../../../shared/ui/Field';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';

const feedCode = feedCreateBody.shape.code;

/** A new report feed; its key comes back once, to `onCreated`. */
export function FeedForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (code: string, key: string) => void;
}) {
  const { t } = useI18n();
  const indicators = useResource((signal) => fetchIndicators(signal), []);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<(typeof CADENCES)[number]>('monthly');
  const [dueDay, setDueDay] = useState('10');
  const [allowed, setAllowed] = useState<string[]>([]);
  const [units, setUnits] = useState('');
  const { fields, form, busy, begin, fail } = useFormProblems();

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: FieldProblems = {};
    if (!feedCode.safeParse(code.trim()).success) f['code'] = [t('admin.feeds.error.code')];
    if (name.trim() === '') f['name'] = [t('admin.error.required')];
    const day = Number(dueDay);
    if (!Number.isInteger(day) || day < 1 || day > 28)
      f['dueDay'] = [t('admin.feeds.error.dueDay')];
    const unitList = splitList(units);
    if (unitList.some((u) => !/^\d{2}(\d{3})?$/.test(u)))
      f['allowedUnits'] = [t('admin.devices.error.unit')];
    if (!begin(f)) return;
    createFeed({
      code: code.trim(),
      name: name.trim(),
      cadence,
      dueDay: day,
      allowedIndicators: allowed.length > 0 ? allowed : null,
      allowedUnits: unitList.length > 0 ? unitList : null,
    }).then((key) => {
      onCreated(code.trim(), key);
    }, fail);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="feed-form">
      <h3>{t('admin.feeds.addTitle')}</h3>
      <FormErrors messages={form} />
      <div className="admin-inline">
        <TextField
          label={t('admin.feeds.code')}
          errors={fields['code']}
          hint={t('admin.feeds.codeHint')}
          name="code"
          value={code}
          onValue={setCode}
          spellCheck={false}
        />
        <TextField
          label={t('admin.feeds.name')}
          errors={fields['name']}
          name="name"
          value={name}
          onValue={setName}
        />
      </div>
      <div className="admin-inline">
        <SelectField
          label={t('admin.feeds.cadence')}
          errors={fields['cadence']}
          value={cadence}
          options={CADENCES}
          optionLabel={(c) => t(CADENCE_KEYS[c])}
          onValue={setCadence}
        />
        <TextField
          label={t('admin.feeds.dueDay')}
          errors={fields['dueDay']}
          hint={t('admin.feeds.dueDayHint')}
          name="dueDay"
          inputMode="numeric"
          value={dueDay}
          onValue={setDueDay}
        />
      </div>
      <Field
        label={t('admin.feeds.allowedIndicators')}
        errors={fields['allowedIndicators']}
        hint={t('admin.feeds.allowedIndicatorsHint')}
      >
        {(_id, d) => (
          <IndicatorPicker
            indicators={indicators.data ?? []}
            chosen={allowed}
            multiple
            describedBy={d}
            onChange={setAllowed}
          />
        )}
      </Field>
      <TextField
        label={t('admin.feeds.allowedUnits')}
        errors={fields['allowedUnits']}
        hint={t('admin.feeds.allowedUnitsHint')}
        name="allowedUnits"
        value={units}
        placeholder="20314, 20320"
        onValue={setUnits}
      />
      <FormActions busy={busy} submitLabel={t('admin.feeds.create')} onCancel={onCancel} />
    </form>
  );
}

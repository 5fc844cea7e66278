import { useState, type SyntheticEvent } from 'react';
import { createRule, updateRule } from '../model/endpoints';
import { RULE_KIND_KEYS, RULE_KINDS, SEVERITY_KEYS } from '../model/labels';
import { formToParams, OPTION_KEYS, PARAM_SPECS, paramsToForm } from '../model/rules';
import {
  ALERT_SEVERITIES as SEVERITIES,
  type AlertRuleKind as RuleKind,
  type RuleViewWire as RuleView,
} from '@ioc/contracts';
import { splitList } from '../model/splitList';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FormActions } from './AdminSection';
import { Check, Field, FormErrors, SelectField, TextField } from '../../../shared/ui/Field';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';
import { MetricSelect } from '../../../shared/metrics/MetricSelect';

type TextKey =
  'id' | 'name' | 'escalateAfterMin' | 'webhookUrl' | 'unitCodes' | 'deviceKinds' | 'deviceIds';

/** Creates a rule (`rule` null) or edits one; a rule's kind is fixed once it exists. */
export function RuleForm({
  rule,
  onDone,
}: {
  rule: RuleView | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? 'threshold');
  const [v, setV] = useState({
    id: '',
    name: rule?.name ?? '',
    severity: rule?.severity ?? 'warning',
    enabled: rule?.enabled ?? true,
    autoResolve: rule?.autoResolve ?? true,
    escalateAfterMin: rule?.escalateAfterMin?.toString() ?? '',
    webhookUrl: rule?.webhookUrl ?? '',
    unitCodes: (rule?.scope.unitCodes ?? []).join(', '),
    deviceKinds: (rule?.scope.deviceKinds ?? []).join(', '),
    deviceIds: (rule?.scope.deviceIds ?? []).join(', '),
  });
  const [params, setParams] = useState<Record<string, string>>(
    paramsToForm(kind, rule?.params ?? {}),
  );
  const { fields, form, busy, begin, fail } = useFormProblems();

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: FieldProblems = {};
    if (v.name.trim() === '') f['name'] = [t('admin.error.required')];
    if (
      rule === null &&
      v.id.trim() !== '' &&
      !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(v.id.trim())
    )
      f['id'] = [t('admin.rules.error.id')];
    const esc =
      v.escalateAfterMin.trim() === '' ? null : Number(v.escalateAfterMin.replace(',', '.'));
    if (esc !== null && !(esc > 0)) f['escalateAfterMin'] = [t('admin.error.positive')];
    const p = formToParams(kind, params);
    for (const [k, key] of Object.entries(p.errors)) f[`param.${k}`] = [t(key)];
    if (!begin(f)) return;
    const scope: Record<string, string[]> = {};
    for (const k of ['unitCodes', 'deviceKinds', 'deviceIds'] as const) {
      const list = splitList(v[k]);
      if (list.length > 0) scope[k] = list;
    }
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      severity: v.severity,
      enabled: v.enabled,
      autoResolve: v.autoResolve,
      escalateAfterMin: esc,
      webhookUrl: v.webhookUrl.trim() === '' ? null : v.webhookUrl.trim(),
      scope,
      params: p.params,
    };
    const done =
      rule === null
        ? createRule({ ...body, kind, ...(v.id.trim() === '' ? {} : { id: v.id.trim() }) })
        : updateRule(rule.id, body);
    // Always the general explanation too: problems under params.x land in one list, not per input.
    done.then(
      () => {
        onDone(true);
      },
      (err: unknown) => {
        fail(err, true);
      },
    );
  };

  const check = (key: 'enabled' | 'autoResolve', label: string) => (
    <Check
      label={label}
      checked={v[key]}
      onChange={(checked) => {
        setV({ ...v, [key]: checked });
      }}
    />
  );
  const text = (key: TextKey, label: string, errors?: string[], hint?: string) => (
    <TextField
      label={label}
      errors={errors}
      {...(hint === undefined ? {} : { hint })}
      name={key}
      value={v[key]}
      spellCheck={false}
      onValue={(value) => {
        setV({ ...v, [key]: value });
      }}
    />
  );

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="rule-form">
      <h3>
        {rule === null
          ? t('admin.rules.addTitle')
          : t('admin.rules.editTitle', { name: rule.name })}
      </h3>
      <FormErrors messages={form} />
      <div className="admin-inline">
        {text('name', t('admin.rules.name'), fields['name'])}
        {rule === null && text('id', t('admin.rules.id'), fields['id'], t('admin.rules.idHint'))}
      </div>
      <div className="admin-inline">
        <SelectField
          label={t('admin.rules.kind')}
          errors={fields['kind']}
          value={kind}
          disabled={rule !== null}
          options={RULE_KINDS}
          optionLabel={(k) => t(RULE_KIND_KEYS[k])}
          onValue={(k: RuleKind) => {
            setKind(k);
            setParams(paramsToForm(k, {}));
          }}
        />
        <SelectField
          label={t('admin.rules.severity')}
          errors={fields['severity']}
          value={v.severity}
          options={SEVERITIES}
          optionLabel={(s) => t(SEVERITY_KEYS[s])}
          onValue={(severity) => {
            setV({ ...v, severity });
          }}
        />
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.rules.params')}</legend>
        <FormErrors messages={fields['params'] ?? []} />
        <div className="admin-inline admin-wrap">
          {PARAM_SPECS[kind].map((spec) => (
            <Field
              key={spec.name}
              label={t(spec.label)}
              errors={fields[`param.${spec.name}`]}
              {...(spec.type === 'numberList' ? { hint: t('admin.rules.stepsHint') } : {})}
            >
              {(id, d) =>
                spec.type === 'metric' ? (
                  <MetricSelect
                    id={id}
                    name={`param-${spec.name}`}
                    aria-describedby={d}
                    value={params[spec.name] ?? ''}
                    placeholder={t('admin.rules.pickMetric')}
                    onChange={(code) => {
                      setParams({ ...params, [spec.name]: code });
                    }}
                  />
                ) : spec.type === 'select' ? (
                  <select
                    id={id}
                    value={params[spec.name] ?? ''}
                    onChange={(e) => {
                      setParams({ ...params, [spec.name]: e.target.value });
                    }}
                  >
                    {(spec.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {OPTION_KEYS[o] !== undefined ? t(OPTION_KEYS[o]) : o}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={`param-${spec.name}`}
                    value={params[spec.name] ?? ''}
                    aria-describedby={d}
                    inputMode={spec.type === 'text' ? undefined : 'decimal'}
                    onChange={(e) => {
                      setParams({ ...params, [spec.name]: e.target.value });
                    }}
                  />
                )
              }
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.rules.scope')}</legend>
        <p className="admin-hint">{t('admin.rules.scopeHint')}</p>
        <div className="admin-inline admin-wrap">
          {text('unitCodes', t('admin.rules.scopeUnits'), fields['scope'])}
          {text('deviceKinds', t('admin.rules.scopeKinds'))}
          {text('deviceIds', t('admin.rules.scopeDevices'))}
        </div>
      </fieldset>
      <div className="admin-inline admin-wrap">
        {text(
          'escalateAfterMin',
          t('admin.rules.escalate'),
          fields['escalateAfterMin'],
          t('admin.rules.escalateHint'),
        )}
        {text('webhookUrl', t('admin.rules.webhook'), fields['webhookUrl'])}
      </div>
      <div className="admin-inline">
        {check('enabled', t('admin.rules.enabled'))}
        {check('autoResolve', t('admin.rules.autoResolve'))}
      </div>
      <FormActions
        busy={busy}
        submitLabel={t('admin.save')}
        onCancel={() => {
          onDone(false);
        }}
      />
    </form>
  );
}

import { useEffect, useState, type SyntheticEvent } from 'react';
import { createRule, fetchRules, updateRule } from '../../admin/endpoints';
import { RULE_KIND_KEYS, RULE_KINDS, SEVERITY_KEYS } from '../../admin/labels';
import {
  conditionSummary,
  formToParams,
  OPTION_KEYS,
  PARAM_SPECS,
  paramsToForm,
} from '../../admin/rules';
import { SEVERITIES, type RuleKind, type RuleView } from '../../admin/schemas';
import { useResource } from '../../admin/useResource';
import { useI18n } from '../../i18n/useI18n';
import { errorText, Field, FormErrors, ListState, problemsOf, splitList } from './ui';

/** /admin/alert-rules: list, create, edit, enable/disable. Rules are never deleted (alerts cite them). */
export function AlertRulesSection() {
  const { t, num } = useI18n();
  const rules = useResource((signal) => fetchRules(signal), []);
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  // The switch moves at once; the API's answer (or refusal) settles it.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  useEffect(() => {
    // Fresh rules from the API replace every optimistic switch position.
    setPending(new Map());
  }, [rules.data]);
  const settle = (id: string) => {
    setPending((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  };

  return (
    <section className="admin-section" aria-labelledby="rules-title">
      <div className="admin-section-head">
        <h2 id="rules-title">{t('admin.rules.title')}</h2>
        {editing === null && (
          <button
            type="button"
            className="admin-primary"
            onClick={() => {
              setEditing('new');
            }}
          >
            {t('admin.rules.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) rules.reload();
          }}
        />
      )}
      {toggleError !== null && (
        <p className="admin-state-error" role="alert">
          {toggleError}
        </p>
      )}
      <ListState
        resource={rules}
        isEmpty={(d) => d.length === 0}
        emptyText={t('admin.rules.empty')}
      >
        {(list) => (
          <table className="admin-table" data-testid="rule-table">
            <thead>
              <tr>
                <th>{t('admin.rules.name')}</th>
                <th>{t('admin.rules.kind')}</th>
                <th>{t('admin.rules.condition')}</th>
                <th>{t('admin.rules.severity')}</th>
                <th>{t('admin.rules.enabled')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-testid="rule-row" data-id={r.id}>
                  <td>{r.name}</td>
                  <td>{t(RULE_KIND_KEYS[r.kind])}</td>
                  <td>
                    <code>{conditionSummary(r, (n) => num(n, 2))}</code>
                  </td>
                  <td>
                    <span className={`admin-badge admin-sev-${r.severity}`}>
                      {t(SEVERITY_KEYS[r.severity])}
                    </span>
                  </td>
                  <td>
                    <label className="admin-switch">
                      <input
                        type="checkbox"
                        checked={pending.get(r.id) ?? r.enabled}
                        onChange={(e) => {
                          const enabled = e.target.checked;
                          setToggleError(null);
                          setPending((m) => new Map(m).set(r.id, enabled));
                          updateRule(r.id, { enabled }).then(rules.reload, (err: unknown) => {
                            settle(r.id);
                            setToggleError(errorText(t, err));
                          });
                        }}
                      />{' '}
                      {(pending.get(r.id) ?? r.enabled)
                        ? t('admin.rules.on')
                        : t('admin.rules.off')}
                    </label>
                  </td>
                  <td className="admin-actions">
                    <button
                      type="button"
                      onClick={() => {
                        setEditing(r);
                      }}
                    >
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </section>
  );
}

function RuleForm({ rule, onDone }: { rule: RuleView | null; onDone: (saved: boolean) => void }) {
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
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [form, setForm] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: Record<string, string[]> = {};
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
    setFields(f);
    setForm([]);
    if (Object.keys(f).length > 0) return;
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
    setBusy(true);
    const done =
      rule === null
        ? createRule({ ...body, kind, ...(v.id.trim() === '' ? {} : { id: v.id.trim() }) })
        : updateRule(rule.id, body);
    done.then(
      () => {
        onDone(true);
      },
      (err: unknown) => {
        setBusy(false);
        const pr = problemsOf(err);
        // Problems under params.x belong to the parameter inputs.
        const mapped: Record<string, string[]> = {};
        for (const [k, msgs] of Object.entries(pr.fields))
          mapped[k === 'params' ? 'params' : k] = msgs;
        setFields(mapped);
        setForm([errorText(t, err), ...pr.form]);
      },
    );
  };

  const check = (key: 'enabled' | 'autoResolve', label: string) => (
    <label className="admin-check">
      <input
        type="checkbox"
        checked={v[key]}
        onChange={(e) => {
          setV({ ...v, [key]: e.target.checked });
        }}
      />{' '}
      {label}
    </label>
  );
  const text = (
    key:
      'id' | 'name' | 'escalateAfterMin' | 'webhookUrl' | 'unitCodes' | 'deviceKinds' | 'deviceIds',
  ) =>
    function RuleText(id: string, d: string | undefined) {
      return (
        <input
          id={id}
          name={key}
          value={v[key]}
          aria-describedby={d}
          spellCheck={false}
          onChange={(e) => {
            setV({ ...v, [key]: e.target.value });
          }}
        />
      );
    };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="rule-form">
      <h3>
        {rule === null
          ? t('admin.rules.addTitle')
          : t('admin.rules.editTitle', { name: rule.name })}
      </h3>
      <FormErrors messages={form} />
      <div className="admin-inline">
        <Field label={t('admin.rules.name')} errors={fields['name']}>
          {text('name')}
        </Field>
        {rule === null && (
          <Field label={t('admin.rules.id')} errors={fields['id']} hint={t('admin.rules.idHint')}>
            {text('id')}
          </Field>
        )}
      </div>
      <div className="admin-inline">
        <Field label={t('admin.rules.kind')} errors={fields['kind']}>
          {(id) => (
            <select
              id={id}
              value={kind}
              disabled={rule !== null}
              onChange={(e) => {
                const k = e.target.value as RuleKind;
                setKind(k);
                setParams(paramsToForm(k, {}));
              }}
            >
              {RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(RULE_KIND_KEYS[k])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.rules.severity')} errors={fields['severity']}>
          {(id) => (
            <select
              id={id}
              value={v.severity}
              onChange={(e) => {
                setV({ ...v, severity: e.target.value as (typeof SEVERITIES)[number] });
              }}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(SEVERITY_KEYS[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
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
                spec.type === 'select' ? (
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
          <Field label={t('admin.rules.scopeUnits')} errors={fields['scope']}>
            {text('unitCodes')}
          </Field>
          <Field label={t('admin.rules.scopeKinds')}>{text('deviceKinds')}</Field>
          <Field label={t('admin.rules.scopeDevices')}>{text('deviceIds')}</Field>
        </div>
      </fieldset>
      <div className="admin-inline admin-wrap">
        <Field
          label={t('admin.rules.escalate')}
          errors={fields['escalateAfterMin']}
          hint={t('admin.rules.escalateHint')}
        >
          {text('escalateAfterMin')}
        </Field>
        <Field label={t('admin.rules.webhook')} errors={fields['webhookUrl']}>
          {text('webhookUrl')}
        </Field>
      </div>
      <div className="admin-inline">
        {check('enabled', t('admin.rules.enabled'))}
        {check('autoResolve', t('admin.rules.autoResolve'))}
      </div>
      <div className="admin-form-actions">
        <button type="submit" className="admin-primary" disabled={busy}>
          {t('admin.save')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            onDone(false);
          }}
        >
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useState, type SyntheticEvent } from 'react';
import type { ConnectorCreate, ConnectorView } from '@ioc/contracts';
import { createConnector, updateConnector } from '../model/connectorEndpoints';
import {
  PAGING_KINDS,
  SOURCE_KINDS,
  connectorInput,
  parseConnectorForm,
  type ConnectorInput,
} from '../model/connectors';
import { useI18n } from '../../../shared/i18n/useI18n';
import {
  Field,
  FieldErrorList,
  FormErrors,
  SelectField,
  TextField,
} from '../../../shared/ui/Field';
import { useFormProblems } from '../../../shared/ui/useFormProblems';
import { FormActions } from './AdminSection';
import { ConnectorAuthFields } from './ConnectorAuthFields';

/** Problems of a field: the client's (by full path) and the API's (by top-level field). */
const both = (fields: Record<string, string[]>, ...keys: string[]) => {
  const all = keys.flatMap((k) => fields[k] ?? []);
  return all.length > 0 ? all : undefined;
};

/**
 * Declares a connector or edits `existing`: source (kind, URL template, paging, watermark),
 * schedule and rate limit, a JSONata mapping to a record kind, and a write-only auth profile.
 * Checked with the API's own schema first; the API's refusals land beside their fields.
 */
export function ConnectorForm({
  existing,
  onCancel,
  onSaved,
}: {
  existing?: ConnectorView;
  onCancel: () => void;
  onSaved: (connector: ConnectorView) => void;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<ConnectorInput>(() => connectorInput(existing));
  const { fields, form, busy, begin, fail } = useFormProblems();
  const set = (patch: Partial<ConnectorInput>) => {
    setV((old) => ({ ...old, ...patch }));
  };

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const parsed = parseConnectorForm(v, existing, t);
    if (!parsed.ok) {
      begin(parsed.errors);
      return;
    }
    begin({});
    const saved = existing
      ? updateConnector(existing.id, parsed.body)
      : createConnector(parsed.body as ConnectorCreate);
    saved.then(onSaved, (err: unknown) => {
      fail(err);
    });
  };

  const text = (
    key: keyof ConnectorInput,
    label: string,
    errorKeys: string[],
    extra: { hint?: string; placeholder?: string; inputMode?: 'numeric' } = {},
  ) => (
    <TextField
      label={label}
      errors={both(fields, ...errorKeys)}
      name={key}
      value={v[key]}
      spellCheck={false}
      autoComplete="off"
      onValue={(value) => {
        set({ [key]: value });
      }}
      {...extra}
    />
  );
  const area = (key: 'expression' | 'body', label: string, errorKeys: string[], hint?: string) => (
    <Field label={label} errors={both(fields, ...errorKeys)} {...(hint ? { hint } : {})}>
      {(id, describedBy) => (
        <textarea
          id={id}
          name={key}
          rows={key === 'expression' ? 8 : 6}
          className="admin-code"
          spellCheck={false}
          value={v[key]}
          aria-describedby={describedBy}
          aria-invalid={describedBy !== undefined}
          onChange={(e) => {
            set({ [key]: e.target.value });
          }}
        />
      )}
    </Field>
  );
  const sized = v.pagingKind === 'page' || v.pagingKind === 'offset' || v.pagingKind === 'cursor';

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="connector-form">
      <h3>
        {existing
          ? t('admin.connectors.editTitle', { id: existing.id })
          : t('admin.connectors.addTitle')}
      </h3>
      <FormErrors messages={[...(fields['form'] ?? []), ...form]} />
      <div className="admin-form-grid">
        <div>
          {!existing &&
            text('id', t('admin.connectors.id'), ['id'], { hint: t('admin.connectors.idHint') })}
          {text('name', t('admin.connectors.name'), ['name'])}
          {text('department', t('admin.connectors.department'), ['department'])}
          <fieldset className="admin-fieldset">
            <legend>{t('admin.connectors.source')}</legend>
            <SelectField
              label={t('admin.connectors.kind')}
              value={v.sourceKind}
              options={SOURCE_KINDS}
              optionLabel={(k) => t(`admin.connectors.kind.${k}`)}
              onValue={(sourceKind) => {
                set({ sourceKind });
              }}
            />
            {text('url', t('admin.connectors.url'), ['source.url'], {
              hint: t('admin.connectors.urlHint'),
              placeholder: 'https://lgsp.example.gov.vn/api?page={page}&size={limit}',
            })}
            {v.sourceKind === 'soap-xml' &&
              area('body', t('admin.connectors.body'), ['source.body'])}
            {v.sourceKind !== 'csv' &&
              text('recordsPath', t('admin.connectors.recordsPath'), ['source.recordsPath'], {
                hint: t('admin.connectors.recordsPathHint'),
              })}
            <SelectField
              label={t('admin.connectors.paging')}
              value={v.pagingKind}
              options={PAGING_KINDS}
              optionLabel={(k) => t(`admin.connectors.paging.${k}`)}
              onValue={(pagingKind) => {
                set({ pagingKind });
              }}
            />
            <div className="admin-inline">
              {sized &&
                text('pageSize', t('admin.connectors.pageSize'), ['source.paging.size'], {
                  inputMode: 'numeric',
                })}
              {v.pagingKind === 'page' &&
                text('pageStart', t('admin.connectors.pageStart'), ['source.paging.start'], {
                  inputMode: 'numeric',
                })}
              {v.pagingKind === 'cursor' &&
                text('cursorPath', t('admin.connectors.cursorPath'), ['source.paging.cursorPath'])}
              {v.pagingKind === 'next-link' &&
                text('nextPath', t('admin.connectors.nextPath'), ['source.paging.nextPath'])}
            </div>
            {text('watermarkField', t('admin.connectors.watermark'), ['source.watermarkField'], {
              hint: t('admin.connectors.watermarkHint'),
            })}
            {both(fields, 'source') && <FieldErrorList errors={fields['source']} />}
          </fieldset>
          <div className="admin-inline">
            {text('schedule', t('admin.connectors.schedule'), ['schedule'], {
              hint: t('admin.connectors.scheduleHint'),
              placeholder: '*/15 * * * *',
            })}
            {text('rateLimitPerMinute', t('admin.connectors.rateLimit'), ['rateLimitPerMinute'], {
              inputMode: 'numeric',
            })}
            {text('maxRetries', t('admin.connectors.maxRetries'), ['maxRetries'], {
              inputMode: 'numeric',
            })}
          </div>
        </div>
        <div>
          <fieldset className="admin-fieldset">
            <legend>{t('admin.connectors.mapping')}</legend>
            <SelectField
              label={t('admin.connectors.target')}
              value={v.target}
              options={['dossier', 'indicator_value'] as const}
              optionLabel={(k) => t(`admin.connectors.target.${k}`)}
              onValue={(target) => {
                set({ target });
              }}
            />
            {area(
              'expression',
              t('admin.connectors.expression'),
              ['mapping.expression', 'mapping'],
              t('admin.connectors.expressionHint'),
            )}
          </fieldset>
          <ConnectorAuthFields
            value={v}
            editing={existing !== undefined}
            secretSet={existing?.auth.secretSet ?? false}
            storedKind={existing?.auth.kind ?? 'none'}
            errors={fields['auth']}
            onChange={set}
          />
        </div>
      </div>
      <FormActions
        busy={busy}
        submitLabel={existing ? t('admin.save') : t('admin.connectors.create')}
        onCancel={onCancel}
        submitTestId="connector-submit"
      />
    </form>
  );
}

import type { MessageKey } from '../../../shared/i18n/translate';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FieldErrorList, SelectField, TextField } from '../../../shared/ui/Field';
import {
  AUTH_KINDS,
  SECRET_FIELDS,
  type AuthKind,
  type ConnectorInput,
  type SecretAction,
} from '../model/connectors';

const ACTIONS: Record<SecretAction, MessageKey> = {
  keep: 'admin.connectors.auth.keep',
  set: 'admin.connectors.auth.replace',
  remove: 'admin.connectors.auth.remove',
};

const blankSecrets = Object.fromEntries(
  SECRET_FIELDS.map((f) => [f, '']),
) as Partial<ConnectorInput>;

/**
 * The auth profile a connector signs its requests with. Write-only: the API never answers a
 * secret, only `secretSet`, so secret inputs are always blank; editing, the stored profile is
 * kept unless "replace" (everything typed again) or "remove" is chosen.
 */
export function ConnectorAuthFields({
  value: v,
  editing,
  secretSet,
  storedKind,
  errors,
  onChange,
}: {
  value: ConnectorInput;
  editing: boolean;
  secretSet: boolean;
  storedKind: AuthKind;
  errors: readonly string[] | undefined;
  onChange: (patch: Partial<ConnectorInput>) => void;
}) {
  const { t } = useI18n();
  const hasStored = editing && storedKind !== 'none';
  // Declaring, or replacing a stored profile: the fields of the chosen kind are typed.
  const typing = !hasStored || v.authAction === 'set';
  const text = (key: keyof ConnectorInput, label: MessageKey, secret = false) => (
    <TextField
      label={t(label)}
      name={`auth-${key}`}
      value={v[key]}
      autoComplete={secret ? 'new-password' : 'off'}
      spellCheck={false}
      {...(secret ? { type: 'password' } : {})}
      onValue={(value) => {
        onChange({ [key]: value });
      }}
    />
  );
  return (
    <fieldset className="admin-fieldset" data-testid="connector-auth">
      <legend>{t('admin.connectors.auth')}</legend>
      <p className="admin-hint" data-testid="connector-auth-state">
        {hasStored
          ? secretSet
            ? t('admin.connectors.auth.stored')
            : t('admin.connectors.auth.notStored')
          : t('admin.connectors.auth.hint')}
      </p>
      {hasStored && (
        <div className="admin-inline" role="radiogroup" aria-label={t('admin.connectors.auth')}>
          {(['keep', 'set', 'remove'] as const).map((a) => (
            <label key={a} className="admin-check">
              <input
                type="radio"
                name="authAction"
                value={a}
                checked={v.authAction === a}
                onChange={() => {
                  // Leaving "replace" forgets what was typed, so it cannot be sent by mistake.
                  onChange(a === 'set' ? { authAction: a } : { authAction: a, ...blankSecrets });
                }}
              />{' '}
              {t(ACTIONS[a])}
            </label>
          ))}
        </div>
      )}
      {typing && (
        <>
          <SelectField
            label={t('admin.connectors.auth.kind')}
            value={v.authKind}
            options={AUTH_KINDS}
            optionLabel={(k) => t(`admin.connectors.auth.${k}`)}
            onValue={(authKind) => {
              onChange({ authKind, ...blankSecrets });
            }}
          />
          {v.authKind === 'lgsp' && (
            <div className="admin-inline">
              {text('appName', 'admin.connectors.auth.appName')}
              {text('accessKey', 'admin.connectors.auth.accessKey', true)}
              {text('secretKey', 'admin.connectors.auth.secretKey', true)}
            </div>
          )}
          {v.authKind === 'api-key' && (
            <div className="admin-inline">
              {text('headerName', 'admin.connectors.auth.headerName')}
              {text('headerValue', 'admin.connectors.auth.headerValue', true)}
            </div>
          )}
          {v.authKind === 'oauth2-client-credentials' && (
            <>
              {text('tokenUrl', 'admin.connectors.auth.tokenUrl')}
              <div className="admin-inline">
                {text('clientId', 'admin.connectors.auth.clientId')}
                {text('clientSecret', 'admin.connectors.auth.clientSecret', true)}
                {text('scope', 'admin.connectors.auth.scope')}
              </div>
            </>
          )}
          {v.authKind === 'basic' && (
            <div className="admin-inline">
              {text('username', 'admin.connectors.auth.username')}
              {text('password', 'admin.connectors.auth.password', true)}
            </div>
          )}
        </>
      )}
      <FieldErrorList errors={errors} />
    </fieldset>
  );
}

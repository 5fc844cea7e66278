import type { CameraInput, CredentialAction } from '../model/cameras';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FieldErrorList, TextField } from '../../../shared/ui/Field';
import type { MessageKey } from '../../../shared/i18n/translate';

const ACTIONS: Record<CredentialAction, { create: MessageKey; edit: MessageKey }> = {
  keep: { create: 'admin.cameras.cred.none', edit: 'admin.cameras.cred.keep' },
  set: { create: 'admin.cameras.cred.set', edit: 'admin.cameras.cred.replace' },
  remove: { create: 'admin.cameras.cred.remove', edit: 'admin.cameras.cred.remove' },
};

/**
 * How the media server logs in to the camera or NVR. Write-only: the API never answers a stored
 * credential, so the fields are always blank and the form says only whether one is stored.
 * Nothing typed here is sent unless "set" is chosen.
 */
export function CameraCredentialsFields({
  value: v,
  editing,
  hasCredentials,
  errors,
  onChange,
}: {
  value: CameraInput;
  editing: boolean;
  hasCredentials: boolean;
  errors: readonly string[] | undefined;
  onChange: (patch: Partial<CameraInput>) => void;
}) {
  const { t } = useI18n();
  const actions: CredentialAction[] =
    editing && hasCredentials ? ['keep', 'set', 'remove'] : ['keep', 'set'];
  return (
    <fieldset className="admin-fieldset" data-testid="camera-credentials">
      <legend>{t('admin.cameras.cred.title')}</legend>
      <p className="admin-hint" data-testid="camera-credentials-state">
        {editing
          ? hasCredentials
            ? t('admin.cameras.cred.stored')
            : t('admin.cameras.cred.notStored')
          : t('admin.cameras.cred.hint')}
      </p>
      <div className="admin-inline" role="radiogroup" aria-label={t('admin.cameras.cred.title')}>
        {actions.map((a) => (
          <label key={a} className="admin-check">
            <input
              type="radio"
              name="credentials"
              value={a}
              checked={v.credentials === a}
              onChange={() => {
                // Leaving "set" forgets what was typed, so it cannot be sent by mistake later.
                onChange(
                  a === 'set'
                    ? { credentials: a }
                    : { credentials: a, username: '', password: '', sourceUrl: '' },
                );
              }}
            />{' '}
            {t(editing ? ACTIONS[a].edit : ACTIONS[a].create)}
          </label>
        ))}
      </div>
      {v.credentials === 'set' && (
        <>
          <div className="admin-inline">
            <TextField
              label={t('admin.cameras.cred.username')}
              name="username"
              autoComplete="off"
              spellCheck={false}
              value={v.username}
              onValue={(username) => {
                onChange({ username });
              }}
            />
            <TextField
              label={t('admin.cameras.cred.password')}
              name="password"
              type="password"
              // A camera's password, not the administrator's own: no browser autofill.
              autoComplete="new-password"
              value={v.password}
              onValue={(password) => {
                onChange({ password });
              }}
            />
          </div>
          <TextField
            label={t('admin.cameras.cred.sourceUrl')}
            name="sourceUrl"
            type="password"
            autoComplete="off"
            spellCheck={false}
            hint={t('admin.cameras.cred.sourceUrlHint')}
            value={v.sourceUrl}
            onValue={(sourceUrl) => {
              onChange({ sourceUrl });
            }}
          />
        </>
      )}
      <FieldErrorList errors={errors} />
    </fieldset>
  );
}

import { useState, type SyntheticEvent } from 'react';
import { completeSetup } from '../../../shared/api/authEndpoints';
import type { OpenedSession } from '../../../shared/api/adminSchemas';
import { PASSWORD_MIN, USERNAME } from '../../../shared/api/accounts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FormErrors, TextField } from '../../../shared/ui/Field';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';

type Key = 'setupToken' | 'username' | 'displayName' | 'password' | 'confirm';

/**
 * First run: no administrator exists yet. The one-time setup token printed by `npm start`
 * creates the first one, who is then signed in.
 */
export function SetupForm({ onSignedIn }: { onSignedIn: (s: OpenedSession) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Record<Key, string>>({
    setupToken: '',
    username: '',
    displayName: '',
    password: '',
    confirm: '',
  });
  const { fields, form, busy, begin, fail } = useFormProblems();

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: FieldProblems = {};
    if (v.setupToken.trim() === '') f['setupToken'] = [t('login.setup.error.token')];
    if (!USERNAME.test(v.username.trim().toLowerCase()))
      f['username'] = [t('admin.users.error.username')];
    if (v.password.length < PASSWORD_MIN)
      f['password'] = [t('admin.users.error.passwordShort', { min: PASSWORD_MIN })];
    if (v.confirm !== v.password) f['confirm'] = [t('login.setup.error.confirm')];
    if (!begin(f)) return;
    completeSetup({
      setupToken: v.setupToken.trim(),
      username: v.username.trim(),
      password: v.password,
      ...(v.displayName.trim() === '' ? {} : { displayName: v.displayName.trim() }),
    }).then(onSignedIn, fail);
  };

  const input = (key: Key, label: string, type = 'text', autoComplete = 'off', hint?: string) => (
    <TextField
      label={label}
      errors={fields[key]}
      {...(hint === undefined ? {} : { hint })}
      name={key}
      type={type}
      autoComplete={autoComplete}
      spellCheck={false}
      value={v[key]}
      onValue={(value) => {
        setV({ ...v, [key]: value });
      }}
    />
  );

  return (
    <form className="login-form" onSubmit={submit} noValidate data-testid="setup-form">
      <h1>{t('login.setup.title')}</h1>
      <p className="login-lead">{t('login.setup.lead')}</p>
      <FormErrors messages={form} />
      {input('setupToken', t('login.setup.token'), 'text', 'off', t('login.setup.tokenHint'))}
      {input('username', t('login.username'), 'text', 'username')}
      {input('displayName', t('admin.users.displayName'), 'text', 'name')}
      {input(
        'password',
        t('login.password'),
        'password',
        'new-password',
        t('admin.users.passwordHint', { min: PASSWORD_MIN }),
      )}
      {input('confirm', t('login.setup.confirm'), 'password', 'new-password')}
      <button type="submit" className="admin-primary login-submit" disabled={busy}>
        {t('login.setup.submit')}
      </button>
    </form>
  );
}

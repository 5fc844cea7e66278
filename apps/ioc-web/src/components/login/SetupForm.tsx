import { useState, type SyntheticEvent } from 'react';
import { completeSetup } from '../../admin/endpoints';
import type { OpenedSession } from '../../admin/schemas';
import { useI18n } from '../../i18n/useI18n';
import { errorText, Field, FormErrors, problemsOf } from '../admin/ui';

const PASSWORD_MIN = 12;

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
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [form, setForm] = useState<string[]>([]);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: Record<string, string[]> = {};
    if (v.setupToken.trim() === '') f['setupToken'] = [t('login.setup.error.token')];
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(v.username.trim().toLowerCase()))
      f['username'] = [t('admin.users.error.username')];
    if (v.password.length < PASSWORD_MIN)
      f['password'] = [t('admin.users.error.passwordShort', { min: PASSWORD_MIN })];
    if (v.confirm !== v.password) f['confirm'] = [t('login.setup.error.confirm')];
    setFields(f);
    setForm([]);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    completeSetup({
      setupToken: v.setupToken.trim(),
      username: v.username.trim(),
      password: v.password,
      ...(v.displayName.trim() === '' ? {} : { displayName: v.displayName.trim() }),
    }).then(onSignedIn, (err: unknown) => {
      setBusy(false);
      const p = problemsOf(err);
      setFields(p.fields);
      setForm(Object.keys(p.fields).length > 0 ? p.form : [errorText(t, err), ...p.form]);
    });
  };

  const input =
    (key: Key, type = 'text', autoComplete = 'off') =>
    (id: string, describedBy: string | undefined) => (
      <input
        id={id}
        name={key}
        type={type}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={describedBy}
        aria-invalid={describedBy !== undefined}
        value={v[key]}
        onChange={(e) => {
          setV({ ...v, [key]: e.target.value });
        }}
      />
    );

  return (
    <form className="login-form" onSubmit={submit} noValidate data-testid="setup-form">
      <h1>{t('login.setup.title')}</h1>
      <p className="login-lead">{t('login.setup.lead')}</p>
      <FormErrors messages={form} />
      <Field
        label={t('login.setup.token')}
        errors={fields['setupToken']}
        hint={t('login.setup.tokenHint')}
      >
        {input('setupToken')}
      </Field>
      <Field label={t('login.username')} errors={fields['username']}>
        {input('username', 'text', 'username')}
      </Field>
      <Field label={t('admin.users.displayName')} errors={fields['displayName']}>
        {input('displayName', 'text', 'name')}
      </Field>
      <Field
        label={t('login.password')}
        errors={fields['password']}
        hint={t('admin.users.passwordHint', { min: PASSWORD_MIN })}
      >
        {input('password', 'password', 'new-password')}
      </Field>
      <Field label={t('login.setup.confirm')} errors={fields['confirm']}>
        {input('confirm', 'password', 'new-password')}
      </Field>
      <button type="submit" className="admin-primary login-submit" disabled={busy}>
        {t('login.setup.submit')}
      </button>
    </form>
  );
}

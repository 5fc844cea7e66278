import { useState, type SyntheticEvent } from 'react';
import { AdminApiError } from '../../../shared/api/call';
import { login } from '../../../shared/api/authEndpoints';
import type { OpenedSession } from '../../../shared/api/adminSchemas';
import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';
import { FormErrors, TextField } from '../../../shared/ui/Field';

interface Problems {
  username?: string[];
  password?: string[];
  form: string[];
}

/** Username + password → a session. Wrong password and lockout get their own clear messages. */
export function LoginForm({ onSignedIn }: { onSignedIn: (s: OpenedSession) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems>({ form: [] });

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const next: Problems = { form: [] };
    if (username.trim() === '') next.username = [t('login.error.usernameRequired')];
    if (password === '') next.password = [t('login.error.passwordRequired')];
    setProblems(next);
    if (next.username || next.password) return;
    setBusy(true);
    login(username.trim(), password).then(
      (session) => {
        onSignedIn(session);
      },
      (err: unknown) => {
        setBusy(false);
        if (err instanceof AdminApiError && err.code === 'AUTH_LOCKED') {
          const seconds = err.retryAfterS ?? 60;
          setProblems({
            form: [
              t('login.error.lockedUntil', {
                minutes: Math.max(1, Math.ceil(seconds / 60)),
                time: formatTime(new Date(Date.now() + seconds * 1000), false),
              }),
            ],
          });
          return;
        }
        if (err instanceof AdminApiError && err.code === 'AUTH_BAD_CREDENTIALS') {
          setPassword('');
          setProblems({ form: [t('login.error.badCredentials')] });
          return;
        }
        setProblems({ form: [errorText(t, err)] });
      },
    );
  };

  return (
    <form className="login-form" onSubmit={submit} noValidate data-testid="login-form">
      <h1>{t('login.title')}</h1>
      <FormErrors messages={problems.form} />
      <TextField
        label={t('login.username')}
        errors={problems.username}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onValue={setUsername}
      />
      <TextField
        label={t('login.password')}
        errors={problems.password}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
      />
      <button type="submit" className="admin-primary login-submit" disabled={busy}>
        {busy ? t('login.signingIn') : t('login.submit')}
      </button>
    </form>
  );
}

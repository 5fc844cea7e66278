import { useState, type SyntheticEvent } from 'react';
import { PASSWORD_MIN } from '../../../shared/api/accounts';
import { resetPassword } from '../model/endpoints';
import type { UserView } from '../../../shared/api/adminSchemas';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';
import { TextField } from '../../../shared/ui/Field';

/** Inline in a user's row: sets a new password; every problem shows under the one input. */
export function PasswordReset({ user, onDone }: { user: UserView; onDone: (ok: boolean) => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (password.length < PASSWORD_MIN) {
      setErrors([t('admin.users.error.passwordShort', { min: PASSWORD_MIN })]);
      return;
    }
    setBusy(true);
    resetPassword(user.id, password).then(
      () => {
        onDone(true);
      },
      (err: unknown) => {
        setBusy(false);
        setErrors([errorText(t, err)]);
      },
    );
  };
  return (
    <form className="admin-reset" onSubmit={submit} noValidate>
      <TextField
        label={t('admin.users.newPassword', { username: user.username })}
        errors={errors}
        hint={t('admin.users.resetHint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <button type="submit" className="admin-primary" disabled={busy}>
        {t('admin.save')}
      </button>
      <button
        type="button"
        onClick={() => {
          onDone(false);
        }}
        disabled={busy}
      >
        {t('admin.cancel')}
      </button>
    </form>
  );
}

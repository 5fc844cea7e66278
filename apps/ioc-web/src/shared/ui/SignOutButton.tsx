import { useState } from 'react';
import { signOut } from '../api/signOut';
import { useI18n } from '../i18n/useI18n';

export function SignOutButton({ className }: { className?: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className ?? 'admin-signout'}
      data-testid="sign-out"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut();
      }}
    >
      {t('login.signOut')}
    </button>
  );
}

import { useState } from 'react';
import { setSession } from '../../api/session';
import { logout } from '../../admin/endpoints';
import { useI18n } from '../../i18n/useI18n';

/** Ends the session on the server (best effort) and here, then opens the sign-in page. */
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
        // An already expired session answers 401: the local sign-out still happens.
        logout()
          .catch(() => undefined)
          .finally(() => {
            setSession(null);
            window.location.assign('/login');
          });
      }}
    >
      {t('login.signOut')}
    </button>
  );
}

import { useEffect, useState } from 'react';
import { setSession } from '../../shared/api/session';
import { fetchSetupStatus } from '../../shared/api/authEndpoints';
import { roleKey } from '../../shared/ui/roleLabel';
import { homeForRole, safeNext, storedSessionOf } from '../../shared/api/navigation';
import type { OpenedSession } from '../../shared/api/adminSchemas';
import { useSession } from '../../shared/api/useSession';
import { LanguageToggle } from '../../shared/ui/LanguageToggle';
import { LoginForm } from './components/LoginForm';
import { SetupForm } from './components/SetupForm';
import { SignOutButton } from '../../shared/ui/SignOutButton';
import { useI18n } from '../../shared/i18n/useI18n';
import '../../shared/ui/admin.css';

/** Where to go after signing in: a same-site `?next=`, else the role's home page. */
function destination(role: string): string {
  return safeNext(new URLSearchParams(window.location.search).get('next')) ?? homeForRole(role);
}

/** /login: sign-in, or the first-run setup while no administrator exists. */
export default function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [setup, setSetup] = useState<'checking' | 'required' | 'done'>('checking');
  const [mode, setMode] = useState<'login' | 'setup'>('login');

  useEffect(() => {
    document.title = `${t('login.title')} — ${t('app.title')}`;
  }, [t]);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchSetupStatus(ctrl.signal).then(
      (s) => {
        setSetup(s.setupRequired ? 'required' : 'done');
        if (s.setupRequired) setMode('setup');
      },
      // The status is a convenience: if it cannot be read the sign-in form is still useful.
      () => {
        if (!ctrl.signal.aborted) setSetup('done');
      },
    );
    return () => {
      ctrl.abort();
    };
  }, []);

  const signedIn = (opened: OpenedSession) => {
    setSession(storedSessionOf(opened));
    // A full load: a wall target reads its display token and settings from the URL at start.
    window.location.assign(destination(opened.user.role));
  };

  let body;
  if (session !== null) {
    body = (
      <div className="login-form" data-testid="signed-in">
        <h1>{t('login.signedInTitle')}</h1>
        <p>
          {t('login.signedInAs', { name: session.displayName, role: t(roleKey(session.role)) })}
        </p>
        <div className="login-actions">
          <a className="admin-primary admin-button-link" href={destination(session.role)}>
            {t('login.continue')}
          </a>
          <SignOutButton />
        </div>
      </div>
    );
  } else if (setup === 'checking') {
    body = <div className="admin-state">{t('app.loading')}</div>;
  } else if (mode === 'setup') {
    body = <SetupForm onSignedIn={signedIn} />;
  } else {
    body = <LoginForm onSignedIn={signedIn} />;
  }

  return (
    <div className="login-page">
      <header className="login-header">
        <p className="page-kicker">{t('app.title')}</p>
        <LanguageToggle />
      </header>
      <main className="login-main">
        {body}
        {session === null && setup === 'required' && (
          <button
            type="button"
            className="admin-link-button"
            onClick={() => {
              setMode(mode === 'setup' ? 'login' : 'setup');
            }}
          >
            {mode === 'setup' ? t('login.haveAccount') : t('login.firstRun')}
          </button>
        )}
      </main>
    </div>
  );
}

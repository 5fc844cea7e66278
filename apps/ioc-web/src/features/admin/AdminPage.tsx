import { useEffect, type ReactNode } from 'react';
import { roleKey } from '../../shared/ui/roleLabel';
import { homeForRole, loginPathFor } from '../../shared/api/navigation';
import { ADMIN_SECTIONS, sectionOf, type AdminSection } from './model/sections';
import { isSigningOut } from '../../shared/api/signOut';
import { useSession } from '../../shared/api/useSession';
import { AlertRulesSection } from './components/AlertRulesSection';
import { CamerasSection } from './components/CamerasSection';
import { ConnectorsSection } from './components/ConnectorsSection';
import { DevicesSection } from './components/DevicesSection';
import { FeedsSection } from './components/FeedsSection';
import { OpenDataSection } from './components/OpenDataSection';
import { UsersSection } from './components/UsersSection';
import { WallSection } from './components/WallSection';
import { LanguageToggle } from '../../shared/ui/LanguageToggle';
import { SignOutButton } from '../../shared/ui/SignOutButton';
import { navigate, usePathname } from '../../shared/ui/usePathname';
import type { MessageKey } from '../../shared/i18n/translate';
import { useI18n } from '../../shared/i18n/useI18n';
import '../../shared/ui/admin.css';

const NAV: Record<AdminSection, MessageKey> = {
  devices: 'admin.nav.devices',
  cameras: 'admin.nav.cameras',
  feeds: 'admin.nav.feeds',
  connectors: 'admin.nav.connectors',
  'alert-rules': 'admin.nav.alertRules',
  wall: 'admin.nav.wall',
  users: 'admin.nav.users',
  'open-data': 'admin.nav.openData',
};

function sectionBody(section: AdminSection): ReactNode {
  switch (section) {
    case 'devices':
      return <DevicesSection />;
    case 'cameras':
      return <CamerasSection />;
    case 'feeds':
      return <FeedsSection />;
    case 'connectors':
      return <ConnectorsSection />;
    case 'alert-rules':
      return <AlertRulesSection />;
    case 'wall':
      return <WallSection />;
    case 'users':
      return <UsersSection />;
    case 'open-data':
      return <OpenDataSection />;
  }
}

/**
 * /admin and its sections: onboarding a ward (devices, cameras, feeds, rules, wall, users) and what is
 * published as open data, in the browser.
 */
export default function AdminPage() {
  const { t } = useI18n();
  const session = useSession();
  const pathname = usePathname();
  const section = sectionOf(pathname);

  useEffect(() => {
    document.title = `${t(section ? NAV[section] : 'admin.title')} — ${t('admin.title')}`;
  }, [t, section]);

  useEffect(() => {
    // Signed out (or the session just expired): sign in and come back here.
    if (session === null && !isSigningOut())
      window.location.replace(loginPathFor(pathname, window.location.search));
  }, [session, pathname]);

  if (session === null) {
    return <div className="page-message">{t('app.loading')}</div>;
  }

  if (session.role !== 'admin') {
    return (
      <div className="admin-root">
        <main className="page-message" data-testid="admin-forbidden" role="alert">
          <h1>{t('admin.forbidden.title')}</h1>
          <p>
            {t('admin.forbidden.body', {
              name: session.displayName,
              role: t(roleKey(session.role)),
            })}
          </p>
          <div className="page-actions">
            <a href={homeForRole(session.role)}>{t('admin.forbidden.home')}</a>
            <SignOutButton />
            <LanguageToggle />
          </div>
        </main>
      </div>
    );
  }

  return (
    <div className="admin-root">
      <header className="admin-header">
        <div>
          <p className="page-kicker">{t('app.title')}</p>
          <h1>{t('admin.title')}</h1>
        </div>
        <div className="admin-header-actions">
          <span className="admin-user" data-testid="admin-user">
            {session.displayName}
          </span>
          <LanguageToggle />
          <SignOutButton />
        </div>
      </header>
      <div className="admin-body">
        <nav className="admin-nav" aria-label={t('admin.nav.label')}>
          <ul>
            {ADMIN_SECTIONS.map((s) => (
              <li key={s}>
                <a
                  href={`/admin/${s}`}
                  aria-current={s === section ? 'page' : undefined}
                  data-testid={`admin-nav-${s}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/admin/${s}`);
                  }}
                >
                  {t(NAV[s])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="admin-main">
          {section === null ? (
            <div className="admin-state" role="alert" data-testid="admin-not-found">
              {t('admin.notFound', { path: pathname })}
            </div>
          ) : (
            sectionBody(section)
          )}
        </main>
      </div>
    </div>
  );
}

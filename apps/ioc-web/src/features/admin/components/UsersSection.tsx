import { useState } from 'react';
import { getSession } from '../../../shared/api/session';
import { fetchUsers, updateUser } from '../model/endpoints';
import { roleKey } from '../../../shared/ui/roleLabel';
import { unitLabel, useUnitDirectory } from '../model/unitDirectory';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AddButton, AdminSection, AdminTable } from './AdminSection';
import { ConfirmButton } from './ConfirmButton';
import { ListState } from './ListState';
import { PasswordReset } from './PasswordReset';
import { UserForm } from './UserForm';

/**
 * /admin/users: people, their role, unit scope and where they are notified (e-mail, phone);
 * edit, disable, re-enable, reset a password.
 */
export function UsersSection() {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const users = useResource((signal) => fetchUsers(signal), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const me = getSession()?.username;
  const edited = editing === null ? undefined : users.data?.find((u) => u.id === editing);

  return (
    <AdminSection
      name="users"
      title={t('admin.users.title')}
      action={
        !adding && (
          <AddButton
            label={t('admin.users.add')}
            onClick={() => {
              setAdding(true);
              setEditing(null);
              setNotice(null);
            }}
          />
        )
      }
    >
      {notice !== null && (
        <p className="admin-ok" role="status">
          {notice}
        </p>
      )}
      {adding && (
        <UserForm
          dir={dir}
          onDone={(created) => {
            setAdding(false);
            if (created) {
              setNotice(t('admin.users.created', { username: created.username }));
              users.reload();
            }
          }}
        />
      )}
      {edited && (
        <UserForm
          key={edited.id}
          dir={dir}
          existing={edited}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('admin.users.saved', { username: saved.username }));
              users.reload();
            }
          }}
        />
      )}
      <ListState
        resource={users}
        isEmpty={(d) => d.length === 0}
        emptyText={t('admin.users.empty')}
      >
        {(list) => (
          <AdminTable
            testId="user-table"
            headers={[
              t('admin.users.username'),
              t('admin.users.displayName'),
              t('admin.users.role'),
              t('admin.users.units'),
              t('admin.users.status'),
              t('admin.actions'),
            ]}
          >
            {list.map((u) => (
              <tr
                key={u.id}
                data-testid="user-row"
                data-username={u.username}
                className={u.disabled ? 'admin-row-off' : undefined}
              >
                <td>
                  <code>{u.username}</code>
                </td>
                <td>
                  {u.displayName}
                  {(u.email !== null || u.phone !== null) && (
                    <span className="admin-hint admin-user-contact" data-testid="user-contact">
                      {[u.email, u.phone].filter((c) => c !== null).join(' · ')}
                    </span>
                  )}
                </td>
                <td>{t(roleKey(u.role))}</td>
                <td>
                  {u.units.length === 0
                    ? t('admin.users.allUnits')
                    : u.units.map((c) => unitLabel(dir, c)).join(', ')}
                </td>
                <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
                <td className="admin-actions">
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(editing === u.id ? null : u.id);
                      setAdding(false);
                      setNotice(null);
                    }}
                  >
                    {t('admin.users.edit')}
                  </button>
                  {u.disabled ? (
                    <ConfirmButton
                      label={t('admin.users.enable')}
                      question={t('admin.users.enableConfirm', { username: u.username })}
                      onConfirm={async () => {
                        await updateUser(u.id, { disabled: false });
                        users.reload();
                      }}
                    />
                  ) : (
                    // Nobody disables themselves: they would lock themselves out mid-session.
                    u.username !== me && (
                      <ConfirmButton
                        danger
                        label={t('admin.users.disable')}
                        question={t('admin.users.disableConfirm', { username: u.username })}
                        onConfirm={async () => {
                          await updateUser(u.id, { disabled: true });
                          users.reload();
                        }}
                      />
                    )
                  )}
                  <button
                    type="button"
                    onClick={() => {
                      setResetting(resetting === u.id ? null : u.id);
                      setNotice(null);
                    }}
                  >
                    {t('admin.users.resetPassword')}
                  </button>
                  {resetting === u.id && (
                    <PasswordReset
                      user={u}
                      onDone={(ok) => {
                        setResetting(null);
                        if (ok)
                          setNotice(t('admin.users.passwordChanged', { username: u.username }));
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </ListState>
    </AdminSection>
  );
}

import { useState, type SyntheticEvent } from 'react';
import { getSession } from '../../api/session';
import { createUser, fetchUsers, resetPassword, updateUser } from '../../admin/endpoints';
import { roleKey } from '../../admin/labels';
import { ROLES, type Role, type UserView } from '../../admin/schemas';
import { unitLabel, useUnitDirectory, type UnitDirectory } from '../../admin/unitDirectory';
import { useResource } from '../../admin/useResource';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmButton, errorText, Field, FormErrors, ListState, problemsOf } from './ui';
import { UnitSelect } from './UnitSelect';

export const PASSWORD_MIN = 12;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** /admin/users: people, their role and unit scope; disable, re-enable, reset a password. */
export function UsersSection() {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const users = useResource((signal) => fetchUsers(signal), []);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const me = getSession()?.username;

  return (
    <section className="admin-section" aria-labelledby="users-title">
      <div className="admin-section-head">
        <h2 id="users-title">{t('admin.users.title')}</h2>
        {!adding && (
          <button
            type="button"
            className="admin-primary"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            {t('admin.users.add')}
          </button>
        )}
      </div>
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
      <ListState
        resource={users}
        isEmpty={(d) => d.length === 0}
        emptyText={t('admin.users.empty')}
      >
        {(list) => (
          <table className="admin-table" data-testid="user-table">
            <thead>
              <tr>
                <th>{t('admin.users.username')}</th>
                <th>{t('admin.users.displayName')}</th>
                <th>{t('admin.users.role')}</th>
                <th>{t('admin.users.units')}</th>
                <th>{t('admin.users.status')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
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
                  <td>{u.displayName}</td>
                  <td>{t(roleKey(u.role))}</td>
                  <td>
                    {u.units.length === 0
                      ? t('admin.users.allUnits')
                      : u.units.map((c) => unitLabel(dir, c)).join(', ')}
                  </td>
                  <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
                  <td className="admin-actions">
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
            </tbody>
          </table>
        )}
      </ListState>
    </section>
  );
}

function PasswordReset({ user, onDone }: { user: UserView; onDone: (ok: boolean) => void }) {
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
      <Field
        label={t('admin.users.newPassword', { username: user.username })}
        errors={errors}
        hint={t('admin.users.resetHint')}
      >
        {(id, d) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={password}
            aria-describedby={d}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
        )}
      </Field>
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

function UserForm({
  dir,
  onDone,
}: {
  dir: UnitDirectory | null;
  onDone: (created: UserView | null) => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('ward_leader');
  const [province, setProvince] = useState('48');
  const [wards, setWards] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [form, setForm] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const wardScoped = role === 'ward_leader' || role === 'ward_operator';
  const provinceScoped = role === 'province_leader' || role === 'province_operator';

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: Record<string, string[]> = {};
    if (!USERNAME.test(username.trim().toLowerCase()))
      f['username'] = [t('admin.users.error.username')];
    if (password.length < PASSWORD_MIN)
      f['password'] = [t('admin.users.error.passwordShort', { min: PASSWORD_MIN })];
    if (wardScoped && wards.length === 0) f['units'] = [t('admin.users.error.wards')];
    setFields(f);
    setForm([]);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    createUser({
      username: username.trim(),
      password,
      role,
      units: wardScoped ? wards : provinceScoped ? [province] : [],
      ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
    }).then(onDone, (err: unknown) => {
      setBusy(false);
      const p = problemsOf(err);
      setFields(p.fields);
      setForm(Object.keys(p.fields).length > 0 ? p.form : [errorText(t, err), ...p.form]);
    });
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="user-form">
      <h3>{t('admin.users.addTitle')}</h3>
      <FormErrors messages={form} />
      <div className="admin-inline admin-wrap">
        <Field
          label={t('admin.users.username')}
          errors={fields['username']}
          hint={t('admin.users.usernameHint')}
        >
          {(id, d) => (
            <input
              id={id}
              name="username"
              autoComplete="off"
              spellCheck={false}
              value={username}
              aria-describedby={d}
              onChange={(e) => {
                setUsername(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('admin.users.displayName')} errors={fields['displayName']}>
          {(id, d) => (
            <input
              id={id}
              name="displayName"
              value={displayName}
              aria-describedby={d}
              onChange={(e) => {
                setDisplayName(e.target.value);
              }}
            />
          )}
        </Field>
        <Field
          label={t('login.password')}
          errors={fields['password']}
          hint={t('admin.users.passwordHint', { min: PASSWORD_MIN })}
        >
          {(id, d) => (
            <input
              id={id}
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-describedby={d}
              onChange={(e) => {
                setPassword(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <div className="admin-inline admin-wrap">
        <Field label={t('admin.users.role')} errors={fields['role']}>
          {(id) => (
            <select
              id={id}
              value={role}
              onChange={(e) => {
                setRole(e.target.value as Role);
                setWards([]);
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(roleKey(r))}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(provinceScoped || wardScoped) && (
          <Field label={t('admin.users.province')}>
            {(id) => (
              <UnitSelect
                id={id}
                dir={dir}
                value={province}
                provincesOnly
                onChange={(p) => {
                  setProvince(p);
                  setWards([]);
                }}
              />
            )}
          </Field>
        )}
        {wardScoped && (
          <Field
            label={t('admin.users.wards')}
            errors={fields['units']}
            hint={t('admin.users.wardsHint')}
          >
            {(id, d) => (
              <select
                id={id}
                multiple
                size={8}
                aria-describedby={d}
                value={wards}
                onChange={(e) => {
                  setWards([...e.target.selectedOptions].map((o) => o.value));
                }}
              >
                {(dir?.wards.get(province) ?? []).map((w) => (
                  <option key={w.code} value={w.code}>
                    {w.name} ({w.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!wardScoped && fields['units'] !== undefined && <FormErrors messages={fields['units']} />}
      </div>
      <div className="admin-form-actions">
        <button type="submit" className="admin-primary" disabled={busy}>
          {t('admin.users.create')}
        </button>
        <button
          type="button"
          onClick={() => {
            onDone(null);
          }}
          disabled={busy}
        >
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

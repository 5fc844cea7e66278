import { useEffect, useState, type SyntheticEvent } from 'react';
import { PASSWORD_MIN, USERNAME } from '../../../shared/api/accounts';
import { createUser, updateUser } from '../model/endpoints';
import { roleKey } from '../../../shared/ui/roleLabel';
import { ROLES, type Role } from '@ioc/contracts';
import type { UserView } from '../../../shared/api/adminSchemas';
import { DEFAULT_PROVINCE, type UnitDirectory } from '../model/unitDirectory';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FormActions } from './AdminSection';
import { Field, FormErrors, SelectField, TextField } from '../../../shared/ui/Field';
import { UnitSelect } from './UnitSelect';
import { useFormProblems, type FieldProblems } from '../../../shared/ui/useFormProblems';

/**
 * The province a user's scope lies in: their province, or the parent of their first ward (a
 * commune code does not start with its province's).
 */
function provinceOf(user: UserView | undefined, dir: UnitDirectory | null): string {
  const first = user?.units[0];
  if (first === undefined) return DEFAULT_PROVINCE;
  const unit = dir?.byCode.get(first);
  if (unit?.level === 'province') return unit.code;
  return unit?.parentCode ?? (first.length === 2 ? first : DEFAULT_PROVINCE);
}

/**
 * A new account, or an existing one's name, contact, role and scope (`existing`); the role
 * decides whether it is scoped to a province or to some wards. The username never changes and
 * a password is set apart (PasswordReset), so editing shows neither.
 */
export function UserForm({
  dir,
  existing,
  onDone,
}: {
  dir: UnitDirectory | null;
  existing?: UserView;
  onDone: (saved: UserView | null) => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState(existing?.username ?? '');
  const [displayName, setDisplayName] = useState(existing?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState(existing?.email ?? '');
  const [phone, setPhone] = useState(existing?.phone ?? '');
  const [role, setRole] = useState<Role>(existing?.role ?? 'ward_leader');
  const [province, setProvince] = useState(() => provinceOf(existing, dir));
  // The unit directory may arrive after the form opens: place an edited user's scope then.
  useEffect(() => {
    if (existing) setProvince(provinceOf(existing, dir));
  }, [existing, dir]);
  const [wards, setWards] = useState<string[]>(() =>
    existing && isWardRole(existing.role) ? existing.units : [],
  );
  const { fields, form, busy, begin, fail } = useFormProblems();
  const wardScoped = isWardRole(role);
  const provinceScoped = role === 'province_leader' || role === 'province_operator';

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: FieldProblems = {};
    if (!existing && !USERNAME.test(username.trim().toLowerCase()))
      f['username'] = [t('admin.users.error.username')];
    if (!existing && password.length < PASSWORD_MIN)
      f['password'] = [t('admin.users.error.passwordShort', { min: PASSWORD_MIN })];
    if (wardScoped && wards.length === 0) f['units'] = [t('admin.users.error.wards')];
    if (!begin(f)) return;
    const units = wardScoped ? wards : provinceScoped ? [province] : [];
    if (existing) {
      // An emptied e-mail or phone is removed (null), so notifications stop going there.
      updateUser(existing.id, {
        role,
        units,
        ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
        email: email.trim() === '' ? null : email.trim(),
        phone: phone.trim() === '' ? null : phone.trim(),
      }).then(onDone, fail);
      return;
    }
    createUser({
      username: username.trim(),
      password,
      role,
      units,
      ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
      ...(email.trim() === '' ? {} : { email: email.trim() }),
      ...(phone.trim() === '' ? {} : { phone: phone.trim() }),
    }).then(onDone, fail);
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="user-form">
      <h3>
        {existing
          ? t('admin.users.editTitle', { username: existing.username })
          : t('admin.users.addTitle')}
      </h3>
      <FormErrors messages={form} />
      <div className="admin-inline admin-wrap">
        {!existing && (
          <TextField
            label={t('admin.users.username')}
            errors={fields['username']}
            hint={t('admin.users.usernameHint')}
            name="username"
            autoComplete="off"
            spellCheck={false}
            value={username}
            onValue={setUsername}
          />
        )}
        <TextField
          label={t('admin.users.displayName')}
          errors={fields['displayName']}
          name="displayName"
          value={displayName}
          onValue={setDisplayName}
        />
        <TextField
          label={t('admin.users.email')}
          errors={fields['email']}
          hint={t('admin.users.emailHint')}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValue={setEmail}
        />
        <TextField
          label={t('admin.users.phone')}
          errors={fields['phone']}
          hint={t('admin.users.phoneHint')}
          name="phone"
          type="tel"
          autoComplete="off"
          value={phone}
          onValue={setPhone}
        />
        {!existing && (
          <TextField
            label={t('login.password')}
            errors={fields['password']}
            hint={t('admin.users.passwordHint', { min: PASSWORD_MIN })}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
          />
        )}
      </div>
      <div className="admin-inline admin-wrap">
        <SelectField
          label={t('admin.users.role')}
          errors={fields['role']}
          value={role}
          options={ROLES}
          optionLabel={(r) => t(roleKey(r))}
          onValue={(r) => {
            setRole(r);
            setWards([]);
          }}
        />
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
        {/* Without the wards input a scope problem (e.g. from the API) still has to show. */}
        {!wardScoped && fields['units'] !== undefined && <FormErrors messages={fields['units']} />}
      </div>
      <FormActions
        busy={busy}
        submitLabel={existing ? t('admin.users.save') : t('admin.users.create')}
        onCancel={() => {
          onDone(null);
        }}
      />
    </form>
  );
}

function isWardRole(role: Role): boolean {
  return role === 'ward_leader' || role === 'ward_operator';
}

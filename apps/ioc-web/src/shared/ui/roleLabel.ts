import type { Role } from '@ioc/contracts';
import type { MessageKey } from '../i18n/translate';

// The role a signed-in person holds, as the sign-in and admin pages name it (type-checked keys).

const ROLE_KEYS: Record<Role, MessageKey> = {
  admin: 'admin.role.admin',
  province_leader: 'admin.role.province_leader',
  province_operator: 'admin.role.province_operator',
  ward_leader: 'admin.role.ward_leader',
  ward_operator: 'admin.role.ward_operator',
};

export function roleKey(role: string): MessageKey {
  return role in ROLE_KEYS ? ROLE_KEYS[role as Role] : 'admin.role.unknown';
}

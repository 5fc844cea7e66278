import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import { normaliseUsername, ROLES, type AuditActor, type AuthServices, type Role } from '@ioc/auth';
import { wallPath } from './wall-url';

export const USERS_USAGE = `  users add --username U (--admin | --role ROLE --units CODE[,CODE]) [--display-name N] [--email ADDR] [--phone +84…] [--password P | --password-stdin]
                                            create a user; without --password the password is read from stdin
                                            ROLE: ${ROLES.join(' | ')}
  users list                                list users with role and unit scope
  users disable|enable --username U         disable (ends its sessions) or re-enable a user
  users unlock --username U                 lift the login locks of an account (every address)
  users passwd --username U [--password P | --password-stdin]
                                            set a new password (ends the user's sessions)
  display-tokens add --unit CODE --name N   issue a wall-screen token (read-only, one unit); printed once
`;

type Print = (line: string) => void;

export interface CliIo {
  print: Print;
  /** The whole of stdin (password input for CI and scripts: there is no interactive prompt). */
  readStdin: () => Promise<string>;
}

/** `ioc users …` and `ioc display-tokens …`: the way to create the first administrator in services mode. */
export async function runAuthCommand(
  command: string,
  args: string[],
  auth: AuthServices,
  io: CliIo,
): Promise<number> {
  const who = cliActor();
  switch (command) {
    case 'users add':
      return addUser(auth, args, who, io);
    case 'users list':
      return listUsers(auth, io.print);
    case 'users disable':
    case 'users enable':
      return setDisabled(auth, args, command === 'users disable', who, io.print);
    case 'users passwd':
      return setPassword(auth, args, who, io);
    case 'users unlock':
      return unlock(auth, args, who, io.print);
    case 'display-tokens add':
      return addDisplayToken(auth, args, who, io.print);
    default:
      io.print(USERS_USAGE);
      return 2;
  }
}

async function addUser(
  auth: AuthServices,
  args: string[],
  who: AuditActor,
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      admin: { type: 'boolean' },
      role: { type: 'string' },
      units: { type: 'string' },
      'display-name': { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.username) throw new DomainError('invalid', 'CLI_USAGE', '--username is required');
  const role = values.admin ? 'admin' : values.role;
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new DomainError(
      'invalid',
      'CLI_USAGE',
      `--admin or --role (${ROLES.join(', ')}) is required`,
    );
  }
  const password = await passwordFrom(values, io);
  const user = await auth.users.create(
    {
      username: values.username,
      password,
      role: role as Role,
      units: values.units?.split(',') ?? [],
      ...(values['display-name'] ? { displayName: values['display-name'] } : {}),
      ...(values.email ? { email: values.email } : {}),
      ...(values.phone ? { phone: values.phone.replace(/[\s.-]/g, '') } : {}),
    },
    who,
  );
  io.print(
    `user ${user.username} created: ${user.role}${user.units.length > 0 ? ` of ${user.units.join(', ')}` : ''}`,
  );
  return 0;
}

async function listUsers(auth: AuthServices, print: Print): Promise<number> {
  const users = await auth.users.list();
  print(['username', 'role', 'units', 'status', 'display name'].join('\t'));
  for (const u of users)
    print(
      [
        u.username,
        u.role,
        u.units.join(',') || '-',
        u.disabled ? 'disabled' : 'active',
        u.displayName,
      ].join('\t'),
    );
  print(`${users.length} user(s)`);
  return 0;
}

async function setDisabled(
  auth: AuthServices,
  args: string[],
  disabled: boolean,
  who: AuditActor,
  print: Print,
): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' } }, strict: true });
  const user = await byUsername(auth, values.username);
  await auth.users.update(user.id, { disabled }, who);
  print(`user ${user.username} ${disabled ? 'disabled; its sessions are ended' : 'enabled'}`);
  return 0;
}

async function unlock(
  auth: AuthServices,
  args: string[],
  who: AuditActor,
  print: Print,
): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' } }, strict: true });
  const user = await byUsername(auth, values.username);
  const cleared = await auth.sessions.unlock(user.username, who);
  print(`user ${user.username} unlocked (${cleared} login counter(s) cleared)`);
  return 0;
}

async function setPassword(
  auth: AuthServices,
  args: string[],
  who: AuditActor,
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const user = await byUsername(auth, values.username);
  await auth.users.resetPassword(user.id, await passwordFrom(values, io), who);
  io.print(`password of ${user.username} changed; its sessions are ended`);
  return 0;
}

async function addDisplayToken(
  auth: AuthServices,
  args: string[],
  who: AuditActor,
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { unit: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.unit || !values.name)
    throw new DomainError('invalid', 'CLI_USAGE', '--unit and --name are required');
  const { token, displayToken } = await auth.displays.create(
    { unitCode: values.unit, name: values.name },
    who,
  );
  print(`display token ${displayToken.id} for unit ${displayToken.unitCode}`);
  print(`token: ${token}`);
  print(`wall:  <platform URL>${wallPath(displayToken.unitCode, token)}`);
  print('Keep the token now: it is stored hashed and cannot be shown again.');
  return 0;
}

async function byUsername(auth: AuthServices, username: string | undefined) {
  if (!username) throw new DomainError('invalid', 'CLI_USAGE', '--username is required');
  const name = normaliseUsername(username);
  const user = (await auth.users.list()).find((u) => u.username === name);
  if (!user) throw new DomainError('not_found', 'USER_NOT_FOUND', `no user ${name}`);
  return user;
}

async function passwordFrom(values: { password?: string | undefined }, io: CliIo): Promise<string> {
  if (values.password !== undefined) return values.password;
  // First line of stdin, without its line ending: `printf '%s\n' "$PW" | ioc users add …`.
  const text = await io.readStdin();
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '')
    throw new DomainError(
      'invalid',
      'CLI_USAGE',
      'no password: pass --password or pipe it on stdin',
    );
  return line;
}

/** Who runs the `ioc` CLI, for audit rows: `cli:<os user>`. */
export function cliActor(): AuditActor {
  return {
    actor: `cli:${safeOsUser()}`,
    actorKind: 'system',
    displayName: `ioc CLI (${safeOsUser()})`,
    ip: null,
  };
}

function safeOsUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

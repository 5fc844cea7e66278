import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import { type DeviceRepository, GATEWAY_FILTER, TELEMETRY_FILTER } from '@ioc/ingest';
import { ANONYMOUS_READERS, PUBLIC_READER_ROLE, PUBLIC_TOPICS } from './mosquitto-public-readers';

type Print = (line: string) => void;

/** The broker's administrator: manages clients and roles with `mosquitto_ctrl`, reads nothing. */
export const MOSQUITTO_ADMIN = 'ioc-admin';
export const DYNSEC_FILE = 'dynamic-security.json';
const COLLECTOR_ROLE = 'ioc-collector';
const ADMIN_ROLE = 'ioc-admin';
/** What `mosquitto_ctrl` uses (Mosquitto 2.0's PW_DEFAULT_ITERATIONS). */
const PBKDF2_ITERATIONS = 101;

type AclType =
  | 'publishClientSend'
  | 'publishClientReceive'
  | 'subscribeLiteral'
  | 'subscribePattern'
  | 'unsubscribePattern';

interface DynsecAcl {
  acltype: AclType;
  topic: string;
  allow: boolean;
}

/** The dynamic security plugin's configuration file (Mosquitto 2.0, `plugin_opt_config_file`). */
export interface DynsecConfig {
  defaultACLAccess: Record<
    'publishClientSend' | 'publishClientReceive' | 'subscribe' | 'unsubscribe',
    boolean
  >;
  clients: {
    username: string;
    textname: string;
    password?: string;
    salt?: string;
    iterations?: number;
    roles: { rolename: string }[];
  }[];
  roles: { rolename: string; textname: string; acls: DynsecAcl[] }[];
  groups: { groupname: string; textname: string; roles: { rolename: string }[]; clients: [] }[];
  /** The group whose roles apply to clients that connect without a username. */
  anonymousGroup: string;
}

/** One role per device or gateway: Mosquitto 2.0's plugin has no `%u`, so the id is spelled out. */
export const publisherRole = (id: string) => `ioc-publisher-${id}`;

/** A device's or gateway's only right: to publish its own telemetry (the topics `mayPublish` takes). */
function publisherAcls(id: string): DynsecAcl[] {
  return [
    { acltype: 'publishClientSend', topic: `ioc/v1/telemetry/${id}`, allow: true },
    { acltype: 'publishClientSend', topic: `ioc/v1/gateway/${id}/telemetry`, allow: true },
  ];
}

/** Salted PBKDF2-SHA512, the form the plugin stores (as `mosquitto_ctrl … setClientPassword`). */
function hashed(password: string): { password: string; salt: string; iterations: number } {
  const salt = randomBytes(12);
  return {
    password: pbkdf2Sync(password, salt, PBKDF2_ITERATIONS, 64, 'sha512').toString('base64'),
    salt: salt.toString('base64'),
    iterations: PBKDF2_ITERATIONS,
  };
}

/**
 * Broker security for an external Mosquitto, default deny: every device and gateway may publish
 * to its own topics and nothing else — no subscription at all, so none can join the collectors'
 * shared group and take its share of everyone's telemetry. The collector user may only read the
 * stream, the admin only manage the plugin. Device and collector passwords are set afterwards
 * with `mosquitto_ctrl` (tokens are stored hashed and cannot be recovered here).
 *
 * Open data (issue 17): a client without a username (mosquitto.conf allows them; the plugin
 * puts them in the anonymous group) may subscribe to the SensorThings topics `v1.1/#` and do
 * nothing else; only the collector user — the platform — publishes there, so no device can
 * forge an observation. A client naming an unknown username is still refused.
 */
export function mosquittoSecurity(opts: {
  collectorUser: string;
  group: string;
  adminPassword: string;
  identities: { id: string; kind: string }[];
}): DynsecConfig {
  const { collectorUser, group } = opts;
  const filters = [TELEMETRY_FILTER, GATEWAY_FILTER];
  const control = '$CONTROL/dynamic-security/#';
  return {
    defaultACLAccess: {
      publishClientSend: false,
      publishClientReceive: false,
      subscribe: false,
      unsubscribe: true,
    },
    clients: [
      {
        username: MOSQUITTO_ADMIN,
        textname: 'IOC broker administrator (mosquitto_ctrl)',
        ...hashed(opts.adminPassword),
        roles: [{ rolename: ADMIN_ROLE }],
      },
      {
        username: collectorUser,
        textname: `IOC collectors (MQTT_USERNAME, MQTT_SHARED_GROUP=${group})`,
        roles: [{ rolename: COLLECTOR_ROLE }],
      },
      ...opts.identities.map((d) => ({
        username: d.id,
        textname: `IOC ${d.kind}`,
        roles: [{ rolename: publisherRole(d.id) }],
      })),
    ],
    roles: [
      {
        rolename: ADMIN_ROLE,
        textname: 'Manages clients and roles',
        acls: [
          { acltype: 'publishClientSend', topic: control, allow: true },
          { acltype: 'publishClientReceive', topic: control, allow: true },
          { acltype: 'subscribePattern', topic: control, allow: true },
        ],
      },
      {
        rolename: COLLECTOR_ROLE,
        textname: 'Reads the telemetry stream, publishes nothing',
        acls: [
          ...filters.flatMap((f): DynsecAcl[] => [
            { acltype: 'subscribeLiteral', topic: `$share/${group}/${f}`, allow: true },
            { acltype: 'subscribeLiteral', topic: f, allow: true },
            { acltype: 'publishClientReceive', topic: f, allow: true },
          ]),
          // The platform's SensorThings updates (its publishing connection uses this user).
          { acltype: 'publishClientSend', topic: PUBLIC_TOPICS, allow: true },
        ],
      },
      PUBLIC_READER_ROLE,
      ...opts.identities.map((d) => ({
        rolename: publisherRole(d.id),
        textname: `Publishes ${d.id}'s telemetry`,
        acls: publisherAcls(d.id),
      })),
    ],
    groups: [ANONYMOUS_READERS],
    anonymousGroup: ANONYMOUS_READERS.groupname,
  };
}

/** The `mosquitto_ctrl … dynsec` arguments that give a newly issued identity its token and rights. */
export function dynsecNewIdentity(id: string, token: string): string[][] {
  const role = publisherRole(id);
  return [
    ['createRole', role],
    ...publisherAcls(id).map((a) => ['addRoleACL', role, a.acltype, a.topic, 'allow']),
    ['createClient', id, '-p', token],
    ['addClientRole', id, role],
  ];
}

/** What to tell the operator of an external Mosquitto after a token was issued. */
export function mosquittoHint(id: string, rotated = false): string {
  const steps = rotated ? [['setClientPassword', id, '<token>']] : dynsecNewIdentity(id, '<token>');
  return [
    `External Mosquitto (dynamic security): with CTRL="mosquitto_ctrl -h <broker> -u ${MOSQUITTO_ADMIN} -P <admin password>"`,
    ...steps.map((s) => `  $CTRL dynsec ${s.join(' ')}`),
  ].join('\n');
}

/** `ioc broker mosquitto-files --out DIR`: the plugin's configuration plus the identities to give passwords. */
export async function writeMosquittoFiles(
  repo: DeviceRepository,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      'collector-user': { type: 'string' },
      group: { type: 'string' },
    },
    strict: true,
  });
  const collectorUser = values['collector-user'] ?? 'ioc-ingest';
  const group = values.group ?? 'ioc-ingest';
  const out = values.out ?? '';
  const problems: string[] = [];
  if (!values.out) problems.push('--out DIR is required');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(collectorUser) || collectorUser === MOSQUITTO_ADMIN)
    problems.push(`--collector-user: letters, digits, . _ - (max 64), not ${MOSQUITTO_ADMIN}`);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(group))
    problems.push('--group: letters, digits, - and _ (as MQTT_SHARED_GROUP)');
  if (values.out && existsSync(join(out, DYNSEC_FILE)))
    problems.push(`${join(out, DYNSEC_FILE)} exists: a running broker keeps its passwords there`);
  if (problems.length > 0)
    throw new DomainError('invalid', 'BROKER_FILES_INVALID', problems.join('\n'));
  const devices = await repo.list();
  const clash = devices.find((d) => d.id === collectorUser || d.id === MOSQUITTO_ADMIN);
  if (clash) {
    throw new DomainError(
      'conflict',
      'BROKER_USER_CLASH',
      `a device is named ${clash.id}: choose another --collector-user (or rename the device)`,
    );
  }
  mkdirSync(out, { recursive: true });
  const adminPassword = randomBytes(24).toString('base64url');
  const config = mosquittoSecurity({ collectorUser, group, adminPassword, identities: devices });
  // The plugin rewrites this file as clients change; owner-only, it holds password hashes.
  writeFileSync(join(out, DYNSEC_FILE), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  const now = new Date();
  const users = [
    `# MQTT identities registered at ${now.toISOString()}: each needs its password set with`,
    `#   mosquitto_ctrl -h <broker> -u ${MOSQUITTO_ADMIN} -P <admin password> dynsec setClientPassword <id> <token>`,
    '# the collector too (MQTT_PASSWORD). Tokens are shown once by `ioc devices add|rotate` /',
    '# `ioc gateways add`; they cannot be recovered from the database.',
    `${collectorUser}\tcollector`,
    ...devices.map((d) => `${d.id}\t${d.kind}`),
    '',
  ];
  writeFileSync(join(out, 'mqtt-users.txt'), users.join('\n'), { mode: 0o644 });
  print(
    `wrote ${join(out, DYNSEC_FILE)} (${devices.length} device(s)/gateway(s) publishing only to their own topics, collector ${collectorUser} reading $share/${group}/…; no one else may subscribe)`,
  );
  print(`wrote ${join(out, 'mqtt-users.txt')} (the identities that need a password)`);
  print(`broker admin: ${MOSQUITTO_ADMIN} password ${adminPassword}`);
  print('Keep it now: it is stored hashed and cannot be shown again.');
  print(
    `Next: put ${DYNSEC_FILE} where mosquitto.conf's plugin_opt_config_file points, start Mosquitto, then set each password: mosquitto_ctrl -h <broker> -u ${MOSQUITTO_ADMIN} -P <admin password> dynsec setClientPassword <id> <token>`,
  );
  return 0;
}

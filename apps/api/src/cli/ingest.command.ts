import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import {
  type DeviceProfile,
  type DeviceRegistrationService,
  type DeviceRepository,
  GATEWAY_FILTER,
  TELEMETRY_FILTER,
  isValidDeviceId,
} from '@ioc/ingest';

type Print = (line: string) => void;

export const INGEST_USAGE = `  gateways add --id ID --unit CODE [--lon X --lat Y] [--name N]
                                            register a gateway (MQTT/HTTP identity of a store-and-forward
                                            box); prints its token once. Devices behind it: devices add --gateway ID
  broker mosquitto-files --out DIR [--collector-user ioc-ingest] [--group ioc-ingest]
                                            write the Mosquitto ACL for an external broker (see infra/mosquitto)
`;

/** What to tell the operator of an external Mosquitto after a token was issued. */
export function mosquittoHint(id: string): string {
  return `External Mosquitto: mosquitto_passwd -b /mosquitto/config/passwd ${id} <token>, then reload it (SIGHUP).`;
}

/** `--lon/--lat/--interval` as devices and gateways take them; problems are collected, not thrown. */
export function parsePlacement(
  values: { lon?: string | undefined; lat?: string | undefined; interval?: string | undefined },
  problems: string[],
): { lon: number | null; lat: number | null; interval: number } {
  const lon = values.lon === undefined ? null : Number(values.lon);
  const lat = values.lat === undefined ? null : Number(values.lat);
  if ((lon === null) !== (lat === null)) problems.push('--lon and --lat go together');
  if (lon !== null && (!Number.isFinite(lon) || lon < -180 || lon > 180))
    problems.push('--lon must be WGS84 degrees');
  if (lat !== null && (!Number.isFinite(lat) || lat < -90 || lat > 90))
    problems.push('--lat must be WGS84 degrees');
  const interval = values.interval === undefined ? 300 : Number(values.interval);
  if (!Number.isInteger(interval) || interval <= 0)
    problems.push('--interval must be a positive number of seconds');
  return { lon, lat, interval };
}

/**
 * `ioc gateways add`: a gateway is a device of kind 'gateway' that fronts other devices. It is
 * registered through the same service as devices (validated, placed and audited alike).
 */
export async function addGateway(
  registration: DeviceRegistrationService<AuditActor>,
  actor: AuditActor,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      unit: { type: 'string' },
      lon: { type: 'string' },
      lat: { type: 'string' },
      name: { type: 'string' },
      interval: { type: 'string' },
    },
    strict: true,
  });
  const problems: string[] = [];
  if (!values.id || !isValidDeviceId(values.id))
    problems.push('--id is required: letters, digits, . _ - (max 64)');
  if (!values.unit) problems.push('--unit is required (the unit the gateway is installed in)');
  const { lon, lat, interval } = parsePlacement(values, problems);
  if (problems.length > 0) throw new DomainError('invalid', 'GATEWAY_INVALID', problems.join('\n'));
  const { device, token } = await registration.register(
    {
      id: values.id,
      kind: 'gateway',
      unitCode: values.unit,
      ...(lon !== null && lat !== null ? { lon, lat } : {}),
      ...(values.name !== undefined ? { name: values.name } : {}),
      intervalS: interval,
    },
    actor,
  );
  const id = device.id;
  print(`gateway ${id} registered`);
  print(`token: ${token}`);
  print('Keep the token now: it is stored hashed and cannot be shown again.');
  print(
    `It publishes to ioc/v1/gateway/${id}/telemetry (MQTT username ${id}) or POSTs /api/v1/telemetry.`,
  );
  print(mosquittoHint(id));
  return 0;
}

/**
 * The ACL of an external Mosquitto (infra/mosquitto/mosquitto.conf `acl_file`). Identity is the
 * MQTT username, so two patterns cover every device and gateway — registered now or later —
 * and the collector user reads the stream through the shared subscription. Passwords are not
 * generated: tokens are stored hashed (SHA-256) and cannot be turned back into Mosquitto's
 * PBKDF2 entries; see infra/mosquitto/README.md.
 */
export function mosquittoAcl(opts: {
  collectorUser: string;
  group: string;
  generatedAt: Date;
}): string {
  const { collectorUser, group } = opts;
  return `# Mosquitto ACL of the IOC platform, written by \`ioc broker mosquitto-files\` at ${opts.generatedAt.toISOString()}.
# Identity is the MQTT username (= device or gateway id); the password is its token, set with
#   mosquitto_passwd -b <password_file> <id> <token>
# when \`ioc devices add|rotate\` or \`ioc gateways add\` prints the token (see infra/mosquitto/README.md).

# A device publishes only to its own topic, a gateway only to its own batch topic.
pattern write ioc/v1/telemetry/%u
pattern write ioc/v1/gateway/%u/telemetry

# The platform's collectors (MQTT_USERNAME=${collectorUser}, MQTT_SHARED_GROUP=${group}) read the
# whole stream; with the shared subscription each message goes to one collector of the group.
user ${collectorUser}
topic read $share/${group}/${TELEMETRY_FILTER}
topic read $share/${group}/${GATEWAY_FILTER}
topic read ${TELEMETRY_FILTER}
topic read ${GATEWAY_FILTER}
`;
}

/** `ioc broker mosquitto-files --out DIR`: the ACL file plus the list of identities to give passwords. */
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
  const problems: string[] = [];
  if (!values.out) problems.push('--out DIR is required');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(collectorUser))
    problems.push('--collector-user: letters, digits, . _ - (max 64)');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(group))
    problems.push('--group: letters, digits, - and _ (as MQTT_SHARED_GROUP)');
  if (problems.length > 0)
    throw new DomainError('invalid', 'BROKER_FILES_INVALID', problems.join('\n'));
  const devices = await repo.list();
  if (devices.some((d) => d.id === collectorUser)) {
    throw new DomainError(
      'conflict',
      'BROKER_USER_CLASH',
      `a device is named ${collectorUser}: choose another --collector-user`,
    );
  }
  const out = values.out ?? '';
  mkdirSync(out, { recursive: true });
  const now = new Date();
  writeFileSync(join(out, 'acl'), mosquittoAcl({ collectorUser, group, generatedAt: now }), {
    mode: 0o644,
  });
  const users = [
    `# MQTT identities registered at ${now.toISOString()}: each needs a password_file entry`,
    '# (mosquitto_passwd -b passwd <id> <token>), the collector too. Tokens are shown once by',
    '# `ioc devices add|rotate` / `ioc gateways add`; they cannot be recovered from the database.',
    `${collectorUser}\tcollector`,
    ...devices.map((d) => `${d.id}\t${d.kind}`),
    '',
  ];
  writeFileSync(join(out, 'mqtt-users.txt'), users.join('\n'), { mode: 0o644 });
  print(
    `wrote ${join(out, 'acl')} (device and gateway patterns, collector ${collectorUser} on $share/${group}/…)`,
  );
  print(
    `wrote ${join(out, 'mqtt-users.txt')} (${devices.length} device(s)/gateway(s) + the collector)`,
  );
  print(
    'Passwords: mosquitto_passwd -b <password_file> <id> <token> for each, then reload Mosquitto (SIGHUP).',
  );
  return 0;
}

/** `--profile` of `devices add`: `{"fieldMap": {field: metric}, "scale": {field: factor}}`. */
export function parseProfile(raw: string | undefined): DeviceProfile {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new DomainError(
      'invalid',
      'PROFILE_INVALID',
      '--profile must be JSON, e.g. {"fieldMap":{"temp":"temperature"}}',
    );
  }
  const isMap = (v: unknown, type: 'string' | 'number'): v is Record<string, never> =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === type);
  const p = value as { fieldMap?: unknown; scale?: unknown };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainError('invalid', 'PROFILE_INVALID', '--profile must be a JSON object');
  }
  if (p.fieldMap !== undefined && !isMap(p.fieldMap, 'string')) {
    throw new DomainError(
      'invalid',
      'PROFILE_INVALID',
      '--profile fieldMap maps decoded field names to metric codes (strings)',
    );
  }
  if (p.scale !== undefined && !isMap(p.scale, 'number')) {
    throw new DomainError(
      'invalid',
      'PROFILE_INVALID',
      '--profile scale maps decoded field names to numeric factors',
    );
  }
  return {
    ...(p.fieldMap !== undefined ? { fieldMap: p.fieldMap } : {}),
    ...(p.scale !== undefined ? { scale: p.scale } : {}),
  };
}

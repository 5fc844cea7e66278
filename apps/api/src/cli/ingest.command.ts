import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { mosquittoHint } from './mosquitto-security';
import { type DeviceProfile, type DeviceRegistrationService, isValidDeviceId } from '@ioc/ingest';

type Print = (line: string) => void;

export const INGEST_USAGE = `  gateways add --id ID --unit CODE [--lon X --lat Y] [--name N]
                                            register a gateway (MQTT/HTTP identity of a store-and-forward
                                            box); prints its token once. Devices behind it: devices add --gateway ID
  broker mosquitto-files --out DIR [--collector-user ioc-ingest] [--group ioc-ingest]
                                            write the Mosquitto dynamic-security config for an external broker:
                                            devices publish only to their own topics, nothing else subscribes
                                            (see infra/mosquitto)
`;

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

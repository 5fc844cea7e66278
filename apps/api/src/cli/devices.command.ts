import { parseArgs } from 'node:util';
import { DEVICE_KINDS, DomainError } from '@ioc/contracts';
import type { DeviceRepository } from '@ioc/ingest';
import { cliActor } from '../auth/users.cli';
import type { CliServices } from '../composition/services';
import { parsePlacement, parseProfile } from './ingest.command';
import { mosquittoHint } from './mosquitto-security';

type Print = (line: string) => void;

/** `ioc devices add|list|rotate`: the registry through the same service as the admin API. */
export async function runDevicesCommand(
  action: string,
  args: string[],
  services: CliServices,
  print: Print,
): Promise<number> {
  switch (action) {
    case 'add':
      return addDevice(services, args, print);
    case 'list':
      return listDevices(services.devices, args, print);
    default:
      return rotateDevice(services, args, print);
  }
}

async function addDevice(services: CliServices, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      kind: { type: 'string' },
      unit: { type: 'string' },
      lon: { type: 'string' },
      lat: { type: 'string' },
      gateway: { type: 'string' },
      'dev-eui': { type: 'string' },
      interval: { type: 'string' },
      name: { type: 'string' },
      mobile: { type: 'boolean' },
      profile: { type: 'string' },
      'alarm-levels': { type: 'string' },
    },
    strict: true,
  });
  const profile = parseProfile(values.profile);
  const problems: string[] = [];
  if (!values.id) problems.push('--id is required: letters, digits, . _ - (max 64)');
  if (!values.kind) problems.push(`--kind is required: one of ${DEVICE_KINDS.join(', ')}`);
  const { lon, lat, interval } = parsePlacement(values, problems);
  const alarmLevels = parseAlarmLevels(values['alarm-levels'], problems);
  if (problems.length > 0) throw new DomainError('invalid', 'DEVICE_INVALID', problems.join('\n'));
  const { registration } = services;
  const r = await registration.register(
    {
      id: values.id,
      kind: values.kind,
      ...(values.unit !== undefined ? { unitCode: values.unit } : {}),
      ...(lon !== null && lat !== null ? { lon, lat } : {}),
      ...(values.gateway !== undefined ? { gatewayId: values.gateway } : {}),
      ...(values['dev-eui'] !== undefined ? { devEui: values['dev-eui'] } : {}),
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.mobile ? { mobile: true } : {}),
      ...(Object.keys(profile).length > 0 ? { profile } : {}),
      ...(alarmLevels ? { alarmLevels } : {}),
      intervalS: interval,
    },
    cliActor(),
  );
  if (r.placement === 'located') print(`position is in unit ${r.device.unitCode ?? ''}`);
  print(`device ${r.device.id} registered`);
  print(`token: ${r.token}`);
  print('Keep the token now: it is stored hashed and cannot be shown again.');
  print(mosquittoHint(r.device.id));
  return 0;
}

/**
 * `--alarm-levels 1.7,1.8,1.88`: a station's báo động I–III; the order and count are checked by
 * the registration's schema, so the CLI and the API refuse the same things.
 */
export function parseAlarmLevels(raw: string | undefined, problems: string[]): number[] | null {
  if (raw === undefined) return null;
  const levels = raw.split(',').map((s) => Number(s.trim()));
  if (raw.trim() === '' || levels.some((n) => !Number.isFinite(n))) {
    problems.push('--alarm-levels takes numbers separated by commas, e.g. 1.7,1.8,1.88');
    return null;
  }
  return levels;
}

async function listDevices(repo: DeviceRepository, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({ args, options: { unit: { type: 'string' } }, strict: true });
  const devices = await repo.list(values.unit ? { unitCodes: [values.unit] } : {});
  print(['id', 'kind', 'unit', 'lon', 'lat', 'last seen'].join('\t'));
  for (const d of devices) {
    print(
      [
        d.id,
        d.kind,
        d.unitCode ?? '-',
        coordinate(d.lon),
        coordinate(d.lat),
        d.lastSeen?.toISOString() ?? 'never',
      ].join('\t'),
    );
  }
  print(`${devices.length} device(s)`);
  return 0;
}

async function rotateDevice(services: CliServices, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true });
  if (!values.id)
    throw new DomainError('not_found', 'DEVICE_NOT_FOUND', 'no device (missing --id)');
  const { token } = await services.registration.rotate(values.id, cliActor());
  print(`new token for ${values.id}: ${token}`);
  print(
    'The previous token no longer works for new MQTT connections and HTTP requests (platforms read tokens from the database); connections already open stay until they reconnect.',
  );
  print(mosquittoHint(values.id, true));
  return 0;
}

/** Six decimals (about 0.1 m) without float noise: 15.53151, not 15.531509999999999. */
function coordinate(v: number | null): string {
  return v === null ? '-' : String(Number(v.toFixed(6)));
}

import { DEVICE_ID_PATTERN, alarmLevelsSchema, unitCodeParam } from '@ioc/contracts';
import type { MessageKey } from '../../../shared/i18n/translate';
import { isDeviceKind } from '../../../shared/ui/deviceKind';
import type { DeviceInput } from './endpoints';

/** The device form as typed (strings), before checking. */
export interface PlacementInput {
  id: string;
  kind: string;
  name: string;
  unitCode: string;
  lon: string;
  lat: string;
  gatewayId: string;
  devEui: string;
  intervalS: string;
  /** A station's báo động I, II, III (blank: none). */
  alarm1: string;
  alarm2: string;
  alarm3: string;
}

const ALARM_FIELDS = ['alarm1', 'alarm2', 'alarm3'] as const;

/**
 * The station's alarm levels as typed: none, or I, I–II or I–III without a gap, all rising or
 * all falling. Null with the field to blame when they are not.
 */
function parseAlarmLevels(
  v: PlacementInput,
): { levels: number[] | null } | { field: keyof PlacementInput; key: MessageKey } {
  const values = ALARM_FIELDS.map((f) => parseDecimal(v[f]));
  const bad = values.findIndex((x) => x !== null && Number.isNaN(x));
  if (bad >= 0)
    return { field: ALARM_FIELDS[bad] ?? 'alarm1', key: 'admin.devices.error.alarmNumber' };
  const last = values.reduce<number>((at, x, i) => (x === null ? at : i), -1);
  if (last < 0) return { levels: null };
  const levels = values.slice(0, last + 1);
  const gap = levels.findIndex((x) => x === null);
  if (gap >= 0)
    return { field: ALARM_FIELDS[gap] ?? 'alarm1', key: 'admin.devices.error.alarmGap' };
  const numbers = levels.filter((x): x is number => x !== null);
  if (!alarmLevelsSchema.safeParse(numbers).success)
    return { field: ALARM_FIELDS[last] ?? 'alarm1', key: 'admin.devices.error.alarmOrder' };
  return { levels: numbers };
}

export type PlacementResult =
  | { ok: true; body: DeviceInput }
  | { ok: false; errors: Partial<Record<keyof PlacementInput, MessageKey>> };

/** The MQTT topic a device publishes its readings to (username = device id, password = token). */
export function telemetryTopic(id: string): string {
  return `ioc/v1/telemetry/${id}`;
}

/** "108,226" (Vietnamese decimal comma) or "108.226" → 108.226; blank → null; junk → NaN. */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * Checks the device form the way the API will, so most mistakes show beside their field before
 * anything is sent: id syntax, a position as both coordinates in range, or a unit. The API
 * derives the unit from the position, so a position wins over a chosen unit.
 */
export function parsePlacement(
  v: PlacementInput,
  editing: boolean,
  /** The kind the edited device has: kept as it is even when the list no longer has it. */
  keptKind?: string,
): PlacementResult {
  const errors: Partial<Record<keyof PlacementInput, MessageKey>> = {};
  const id = v.id.trim();
  if (!editing && !DEVICE_ID_PATTERN.test(id)) errors.id = 'admin.devices.error.id';
  const kind = v.kind.trim();
  const kindKept = editing && kind === keptKind;
  if (!kindKept && !isDeviceKind(kind)) errors.kind = 'admin.devices.error.kind';
  const lon = parseDecimal(v.lon);
  const lat = parseDecimal(v.lat);
  if (lon !== null && (Number.isNaN(lon) || lon < -180 || lon > 180))
    errors.lon = 'admin.devices.error.lon';
  if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90))
    errors.lat = 'admin.devices.error.lat';
  if ((lon === null) !== (lat === null)) {
    if (lon === null) errors.lon = 'admin.devices.error.pair';
    else errors.lat = 'admin.devices.error.pair';
  }
  const unitCode = v.unitCode.trim();
  if (unitCode !== '' && !unitCodeParam.safeParse(unitCode).success)
    errors.unitCode = 'admin.devices.error.unit';
  if (!editing && lon === null && lat === null && unitCode === '')
    errors.unitCode = 'admin.devices.error.placement';
  const interval = v.intervalS.trim();
  const intervalS = interval === '' ? null : Number(interval);
  if (intervalS !== null && (!Number.isInteger(intervalS) || intervalS <= 0 || intervalS > 86_400))
    errors.intervalS = 'admin.devices.error.interval';
  const alarms = parseAlarmLevels(v);
  if ('field' in alarms) errors[alarms.field] = alarms.key;
  if (Object.keys(errors).length > 0 || 'field' in alarms) return { ok: false, errors };

  const body: DeviceInput = {};
  if (!editing) body.id = id;
  if (!kindKept && isDeviceKind(kind)) body.kind = kind;
  const name = v.name.trim();
  if (name !== '') body.name = name;
  else if (editing) body.name = null;
  if (lon !== null && lat !== null) {
    body.lon = lon;
    body.lat = lat;
  } else if (unitCode !== '') {
    body.unitCode = unitCode;
  }
  // Gateway and LoRaWAN identity are set at registration only (PATCH does not take them).
  const gatewayId = v.gatewayId.trim();
  const devEui = v.devEui.trim();
  if (!editing && gatewayId !== '') body.gatewayId = gatewayId;
  if (!editing && devEui !== '') body.devEui = devEui;
  if (intervalS !== null) body.intervalS = intervalS;
  // Cleared fields on an edit remove the station's levels.
  if (alarms.levels) body.alarmLevels = alarms.levels;
  else if (editing) body.alarmLevels = null;
  return { ok: true, body };
}

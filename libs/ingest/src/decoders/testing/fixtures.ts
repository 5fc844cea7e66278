import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LorawanContext, LorawanDevice } from '../lorawan';

/** Raw text of a file under libs/ingest/fixtures, exactly as a webhook would deliver it. */
export function fixtureText(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../../../fixtures', name), 'utf8');
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** A DevEUI registry backed by a plain object, as a collector would build from the device table. */
export function lorawanRegistry(devices: Record<string, LorawanDevice>): LorawanContext {
  return { resolveDevEui: (eui) => (Object.hasOwn(devices, eui) ? devices[eui] : undefined) };
}

export const TTN_DEVICE: LorawanDevice = {
  deviceId: 'ttn-env-01',
  profile: { fieldMap: { temperature: 'temperature' } },
};

export const CHIRPSTACK_DEVICE: LorawanDevice = {
  deviceId: 'cs-env-01',
  profile: {
    fieldMap: { temperature: 'temperature', humidity: 'humidity', batteryMv: 'battery_v' },
    scale: { batteryMv: 0.001 },
  },
};

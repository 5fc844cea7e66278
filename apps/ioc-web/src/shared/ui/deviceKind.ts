import { DEVICE_KINDS, type DeviceKind } from '@ioc/contracts';
import type { MessageKey } from '../i18n/translate';

// One name per kind for every page (admin, tablet, the wall's fleet card), in both languages.
const KIND_KEYS: Record<DeviceKind, MessageKey> = {
  air_quality: 'device.kind.air_quality',
  water_level: 'device.kind.water_level',
  rain_gauge: 'device.kind.rain_gauge',
  weather: 'device.kind.weather',
  traffic_counter: 'device.kind.traffic_counter',
  noise: 'device.kind.noise',
  energy: 'device.kind.energy',
  wifi_hotspot: 'device.kind.wifi_hotspot',
  loudspeaker: 'device.kind.loudspeaker',
  vessel: 'device.kind.vessel',
  gateway: 'device.kind.gateway',
  camera: 'device.kind.camera',
};

export function isDeviceKind(kind: string): kind is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(kind);
}

/** The name of a kind the platform knows; null for one stored before the list had it. */
export function deviceKindKey(kind: string): MessageKey | null {
  return isDeviceKind(kind) ? KIND_KEYS[kind] : null;
}

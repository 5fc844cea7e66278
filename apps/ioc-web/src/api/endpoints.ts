import type { DeviceView, UnitSummary } from '@ioc/contracts';
import { apiGet } from './client';
import {
  parseDeviceList,
  parseUnit,
  parseUnitList,
  parseWardMap,
  type Listing,
  type WardFeature,
} from './schemas';

/** Geometry detail: walls at 4K get the high band, 1080p walls mid, tablets low. */
export type MapBand = 'low' | 'mid' | 'high';

const enc = encodeURIComponent;

export async function fetchUnit(code: string, signal?: AbortSignal): Promise<UnitSummary> {
  return parseUnit(await apiGet(`/api/v1/units/${enc(code)}`, signal));
}

export async function fetchChildUnits(
  parent: string,
  signal?: AbortSignal,
): Promise<Listing<UnitSummary>> {
  return parseUnitList(await apiGet(`/api/v1/units?parent=${enc(parent)}`, signal));
}

export async function fetchUnitMap(
  code: string,
  band: MapBand,
  signal?: AbortSignal,
): Promise<WardFeature[]> {
  return parseWardMap(await apiGet(`/api/v1/units/${enc(code)}/map?band=${band}`, signal));
}

export async function fetchDevices(
  unit: string,
  signal?: AbortSignal,
): Promise<Listing<DeviceView>> {
  return parseDeviceList(await apiGet(`/api/v1/devices?unit=${enc(unit)}`, signal));
}

import type { DeviceView, UnitSummary, WallConfig } from '@ioc/contracts';
import { apiGet, ApiError, apiSend } from './client';
import {
  parseAlertList,
  parseDeviceList,
  parseFleet,
  parseScorecard,
  parseWallConfig,
  type Fleet,
  type Scorecard,
  type WallAlert,
  parseNeighbours,
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

export async function fetchNeighbours(code: string, signal?: AbortSignal): Promise<UnitSummary[]> {
  return parseNeighbours(await apiGet(`/api/v1/units/${enc(code)}/neighbours`, signal));
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

// ── Wall (issue 7) ──────────────────────────────────────────────────────────────────────────

/** The unit's wall config; null while the API has none (older API: 404), so callers use defaults. */
export async function fetchWallConfig(
  unit: string,
  signal?: AbortSignal,
): Promise<WallConfig | null> {
  try {
    return parseWallConfig(await apiGet(`/api/v1/wall/config?unit=${enc(unit)}`, signal));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export async function fetchActiveAlerts(
  unit: string,
  signal?: AbortSignal,
): Promise<Listing<WallAlert>> {
  return parseAlertList(
    await apiGet(`/api/v1/alerts?unit=${enc(unit)}&status=active&limit=200`, signal),
  );
}

export async function acknowledgeAlert(id: string): Promise<void> {
  await apiSend('POST', `/api/v1/alerts/${enc(id)}/acknowledge`, {});
}

export async function fetchScorecard(unit: string, signal?: AbortSignal): Promise<Scorecard> {
  return parseScorecard(await apiGet(`/api/v1/scorecard?unit=${enc(unit)}`, signal));
}

export async function fetchFleet(unit: string, signal?: AbortSignal): Promise<Fleet> {
  return parseFleet(await apiGet(`/api/v1/fleet?unit=${enc(unit)}&limit=1000`, signal));
}

import {
  deviceDetailSchema,
  displayTokenViewSchema,
  feedCreatedResponse,
  feedKeyResponse,
  feedLivenessResponse,
  feedViewSchema,
  issuedDeviceTokenSchema,
  issuedDisplayTokenSchema,
  ruleViewSchema,
  userViewSchema,
  wallConfigSchema,
  wallScreenViewSchema,
  type FeedCadence,
  type Role,
  type UserPatch,
  type WallConfig,
  type WallDisplay,
  type WallScene,
} from '@ioc/contracts';
import { indicatorItem, listOf, unitItem } from '../../../shared/api/adminSchemas';
import { call, enc } from '../../../shared/api/call';

// ── Reference data ──────────────────────────────────────────────────────────────────────────

export async function fetchUnits(parent: string, signal?: AbortSignal) {
  return listOf(unitItem, await call('GET', `/api/v1/units?parent=${enc(parent)}`, { signal }));
}

export async function fetchProvinces(signal?: AbortSignal) {
  return listOf(unitItem, await call('GET', '/api/v1/units?level=province', { signal }));
}

export async function fetchIndicators(signal?: AbortSignal) {
  return listOf(indicatorItem, await call('GET', '/api/v1/indicators', { signal }));
}

// ── Devices ─────────────────────────────────────────────────────────────────────────────────

export async function fetchAdminDevices(unit: string, signal?: AbortSignal) {
  return listOf(
    deviceDetailSchema,
    await call('GET', `/api/v1/devices?unit=${enc(unit)}`, { signal }),
  );
}

export interface DeviceInput {
  id?: string;
  kind?: string;
  name?: string | null;
  unitCode?: string | null;
  lon?: number | null;
  lat?: number | null;
  gatewayId?: string | null;
  devEui?: string | null;
  intervalS?: number | null;
  alarmLevels?: number[] | null;
}

export async function createDevice(input: DeviceInput) {
  return issuedDeviceTokenSchema.parse(await call('POST', '/api/v1/devices', { body: input }));
}

export async function updateDevice(id: string, patch: DeviceInput) {
  const body = await call('PATCH', `/api/v1/devices/${enc(id)}`, { body: patch });
  const r = deviceDetailSchema.safeParse(body);
  return r.success ? r.data : null;
}

export async function rotateDeviceToken(id: string) {
  return issuedDeviceTokenSchema.parse(await call('POST', `/api/v1/devices/${enc(id)}/rotate`));
}

// ── Feeds ───────────────────────────────────────────────────────────────────────────────────

export async function fetchFeeds(signal?: AbortSignal) {
  return listOf(feedViewSchema, await call('GET', '/api/v1/feeds', { signal }));
}

/** The whole liveness board: pushed feeds and pulled connectors, as of the API's clock. */
export async function fetchFeedBoard(signal?: AbortSignal) {
  return feedLivenessResponse.parse(await call('GET', '/api/v1/feeds/liveness', { signal }));
}

export interface FeedInput {
  code: string;
  name: string;
  cadence: FeedCadence;
  dueDay: number;
  allowedIndicators: string[] | null;
  allowedUnits: string[] | null;
}

export async function createFeed(input: FeedInput) {
  return feedCreatedResponse.parse(await call('POST', '/api/v1/feeds', { body: input })).key;
}

export async function rotateFeedKey(code: string, why: string) {
  return feedKeyResponse.parse(
    await call('POST', `/api/v1/feeds/${enc(code)}/rotate`, { body: { why } }),
  ).key;
}

export async function revokeFeed(code: string, why: string): Promise<void> {
  await call('DELETE', `/api/v1/feeds/${enc(code)}`, { body: { why } });
}

// ── Alert rules ─────────────────────────────────────────────────────────────────────────────

export async function fetchRules(signal?: AbortSignal) {
  return listOf(ruleViewSchema, await call('GET', '/api/v1/alert-rules', { signal }));
}

export async function createRule(input: Record<string, unknown>) {
  return ruleViewSchema.parse(await call('POST', '/api/v1/alert-rules', { body: input }));
}

export async function updateRule(id: string, patch: Record<string, unknown>) {
  return ruleViewSchema.parse(
    await call('PATCH', `/api/v1/alert-rules/${enc(id)}`, { body: patch }),
  );
}

// ── Wall ────────────────────────────────────────────────────────────────────────────────────

export async function fetchWallConfig(unit: string, signal?: AbortSignal) {
  return wallConfigSchema.parse(
    await call('GET', `/api/v1/wall/config?unit=${enc(unit)}`, { signal }),
  );
}

export async function saveWallConfig(
  unit: string,
  config: { rotate: boolean; scenes: WallScene[]; display: WallDisplay },
): Promise<WallConfig> {
  return wallConfigSchema.parse(
    await call('PUT', `/api/v1/wall/config?unit=${enc(unit)}`, { body: config }),
  );
}

export async function fetchWallScreens(signal?: AbortSignal) {
  return listOf(wallScreenViewSchema, await call('GET', '/api/v1/wall/screens', { signal }));
}

export async function fetchDisplayTokens(signal?: AbortSignal) {
  return listOf(displayTokenViewSchema, await call('GET', '/api/v1/display-tokens', { signal }));
}

export async function createDisplayToken(name: string, unitCode: string) {
  return issuedDisplayTokenSchema.parse(
    await call('POST', '/api/v1/display-tokens', { body: { name, unitCode } }),
  );
}

export async function rotateDisplayToken(id: string) {
  return issuedDisplayTokenSchema.parse(
    await call('POST', `/api/v1/display-tokens/${enc(id)}/rotate`),
  );
}

export async function revokeDisplayToken(id: string): Promise<void> {
  await call('DELETE', `/api/v1/display-tokens/${enc(id)}`);
}

// ── Users ───────────────────────────────────────────────────────────────────────────────────

export async function fetchUsers(signal?: AbortSignal) {
  return listOf(userViewSchema, await call('GET', '/api/v1/users', { signal }));
}

export async function createUser(input: {
  username: string;
  displayName?: string;
  email?: string;
  phone?: string;
  password: string;
  role: Role;
  units: string[];
}) {
  return userViewSchema.parse(await call('POST', '/api/v1/users', { body: input }));
}

export async function updateUser(id: string, patch: UserPatch) {
  return userViewSchema.parse(await call('PATCH', `/api/v1/users/${enc(id)}`, { body: patch }));
}

export async function resetPassword(id: string, password: string): Promise<void> {
  await call('POST', `/api/v1/users/${enc(id)}/password`, { body: { password } });
}

import { ADMIN_ROUTES } from './admin';
import { CAMERA_ROUTES } from './cameras';
import { CONNECTOR_ROUTES } from './connectors';
import { CAMERA_EVENT_ROUTES } from './camera-events';
import { BROKER_ROUTES } from './broker';
import { CITIZEN_ROUTES } from './citizen';
import { GEO_ROUTES } from './geo';
import { INDICATOR_ROUTES } from './indicators';
import { INGEST_ROUTES } from './ingest';
import { LIVE_ROUTES } from './live';
import { ME_ROUTES } from './me';
import { OPEN_DATA_ROUTES } from './open-data';
import { PLATFORM_ROUTES } from './platform';
import { TASK_ROUTES } from './tasks';
import { REPORTING_ROUTES } from './reporting';
import { STA_ROUTES } from './sta';
import { WALL_SCREEN_ROUTES } from './wall-screens';
import type { RouteContract } from './types';

export * from './types';

/**
 * Every HTTP route of the API: method, path, who may call it, what it takes and answers. The
 * OpenAPI document is generated from this table, and a test compares it with the server's own
 * route table both ways.
 */
export const ROUTES: readonly RouteContract[] = [
  ...INGEST_ROUTES,
  ...GEO_ROUTES,
  ...LIVE_ROUTES,
  ...WALL_SCREEN_ROUTES,
  ...INDICATOR_ROUTES,
  ...TASK_ROUTES,
  ...CITIZEN_ROUTES,
  ...ADMIN_ROUTES,
  ...ME_ROUTES,
  ...PLATFORM_ROUTES,
  ...REPORTING_ROUTES,
  ...STA_ROUTES,
  ...OPEN_DATA_ROUTES,
  ...CAMERA_ROUTES,
  ...CONNECTOR_ROUTES,
  ...CAMERA_EVENT_ROUTES,
  ...BROKER_ROUTES,
];

/** The contract of a route by method and OpenAPI path; throws for an unknown route. */
export function routeContract(method: string, path: string): RouteContract {
  const found = ROUTES.find((r) => r.method === method.toUpperCase() && r.path === path);
  if (!found) throw new Error(`no route contract for ${method} ${path}`);
  return found;
}

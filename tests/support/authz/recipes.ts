import { createECDH, randomUUID } from 'node:crypto';
import type { FreshKind, World } from './world';

/**
 * What a route needs besides its unit-bearing inputs to be a valid request: the other path
 * parameters, required query fields, a body. The matrix fills the unit-bearing inputs itself
 * (see requests.ts) and checks the result against the contract: a route without a recipe that
 * needs one is probed anyway, and its cells say that no valid request was built.
 */
export interface Recipe {
  params?: Readonly<Record<string, (w: World) => string>>;
  query?: (w: World) => Record<string, string>;
  body?: (w: World) => Record<string, unknown>;
  /**
   * The route uses up the resource in its path (moves it to another unit, ends it): every probe
   * expected to pass gets a fresh resource of the same place, so later probes see the seed.
   */
  consumes?: FreshKind;
  /** Sent as multipart/form-data with one photo (a resolution needs an after-photo). */
  photo?: boolean;
  /** Why no valid request can be built here: the cells say so, and a 400 is accepted. */
  unbuildable?: string;
}

const why = { why: 'authorization matrix probe' };
const MONTH = '2026-05';
const strongPassword = () => `Matrix-${randomUUID()}`;

// A P-256 public key as a browser's subscription carries it (65 bytes, base64url).
const p256dh = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return ecdh.getPublicKey().toString('base64url');
};

export const RECIPES: Readonly<Record<string, Recipe>> = {
  'POST /api/v1/me/push-subscriptions': {
    body: (w) => ({
      endpoint: `https://push.invalid/matrix/${w.seq()}`,
      keys: { p256dh: p256dh(), auth: 'bWF0cml4LWF1dGgtc2VjcmV0' },
    }),
  },
  'DELETE /api/v1/me/push-subscriptions': {
    query: (w) => ({ endpoint: `https://push.invalid/matrix/none-${w.seq()}` }),
  },
  'PUT /api/v1/me/notification-preferences': {
    body: () => ({ email: true, push: true, minSeverity: 'warning', quietHours: null }),
  },
  'GET /api/v1/units/locate': { query: () => ({ lon: '108.2', lat: '16.0' }) },
  'GET /api/v1/public/citizen/locate': { query: () => ({ lon: '108.2', lat: '16.0' }) },
  'POST /api/v1/public/citizen/reports': {
    body: (w) => ({
      category: 'khac',
      description: `${w.marker.home} public probe ${w.seq()}: a resident's report`,
      lat: 16.0,
      lon: 108.2,
    }),
  },
  'GET /api/v1/public/citizen/reports/{code}': { params: { code: (w) => w.refs.trackingCode } },
  'GET /api/v1/public/citizen/reports/{code}/photos/{photoId}': {
    params: { code: (w) => w.refs.trackingCode, photoId: () => randomUUID() },
  },
  'POST /api/v1/public/citizen/reports/{code}/rating': {
    params: { code: (w) => w.refs.trackingCode },
    body: () => ({ rating: 5 }),
  },
  'POST /api/v1/public/citizen/reports/{code}/reopen': {
    params: { code: (w) => w.refs.trackingCode },
    body: () => ({ reason: 'authorization matrix probe' }),
  },
  'POST /api/v1/auth/login': {
    body: (w) => ({ username: `authz-nobody-${w.seq()}`, password: 'not the password' }),
  },
  'GET /api/v1/public/open-data/datasets/{id}/data.csv': { params: { id: () => 'metric.pm25' } },
  'GET /api/v1/public/open-data/datasets/{id}/data.json': { params: { id: () => 'metric.pm25' } },
  'GET /api/v1/public/open-data/datasets/{id}/data.geojson': {
    params: { id: () => 'boundaries.48' },
  },
  'PUT /api/v1/open-data/publication': {
    body: () => ({ entries: [{ subject: 'metric', key: 'pm25', public: null }] }),
  },
  'PATCH /api/v1/open-data/settings': { body: () => ({ licenceId: 'CC-BY-4.0' }) },
  'GET /api/docs/{file}': { params: { file: () => 'no-such-file.js' } },

  'POST /api/v1/devices': {
    body: (w) => ({ id: `${w.marker.home}-new-${w.seq()}`, kind: 'air_quality' }),
  },
  'PATCH /api/v1/devices/{id}': {
    body: (w) => ({ name: `${w.marker.home} renamed` }),
    consumes: 'device',
  },
  'POST /api/v1/devices/{id}/rotate': { consumes: 'device' },
  'DELETE /api/v1/devices/{id}': { consumes: 'device' },

  'POST /api/v1/cameras': {
    body: (w) => ({
      id: `${w.marker.home}-cam-new-${w.seq()}`,
      name: `${w.marker.home} new camera`,
      kind: 'traffic',
      lon: 108.2,
      lat: 16.0,
      hlsPath: `matrix/new-${w.seq()}`,
      credentials: { username: 'matrix', password: 'matrix-camera-password' },
    }),
  },
  // A probe that moves a camera to another unit or removes it gets a camera of its own.
  'PATCH /api/v1/cameras/{id}': {
    body: (w) => ({ name: `${w.marker.home} renamed camera` }),
    consumes: 'camera',
  },
  'DELETE /api/v1/cameras/{id}': { consumes: 'camera' },
  'GET /api/v1/cameras/{id}/event-snapshot': { query: () => ({ at: new Date().toISOString() }) },
  'POST /api/v1/camera-event-sources': {
    body: (w) => ({
      id: `authz-src-${w.seq()}`,
      name: `${w.marker.home} new event source`,
      kind: 'generic',
      cameras: {},
    }),
  },
  'PATCH /api/v1/camera-event-sources/{id}': {
    params: { id: (w) => w.refs.eventSource },
    body: (w) => ({ name: `${w.marker.home} renamed event source` }),
  },
  'DELETE /api/v1/camera-event-sources/{id}': {
    params: { id: (w) => w.refs.spareEventSource },
  },
  // Machine routes: refused without the source's secret, whatever the caller.
  'POST /api/v1/camera-events/hikvision/{sourceId}': {
    params: { sourceId: (w) => w.refs.eventSource },
  },
  'POST /api/v1/camera-events/webhook/{sourceId}': {
    params: { sourceId: (w) => w.refs.eventSource },
    body: () => ({ camera: 'home', type: 'other' }),
  },

  // The RabbitMQ auth backend's questions: refused without the broker's secret, whoever asks.
  'POST /api/v1/broker/rabbitmq/{secret}/user': {
    params: { secret: () => 'not-the-broker-secret' },
    body: () => ({ username: 'aq-1', password: 'not-a-token' }),
  },
  'POST /api/v1/broker/rabbitmq/{secret}/vhost': {
    params: { secret: () => 'not-the-broker-secret' },
    body: () => ({ username: 'aq-1', vhost: '/' }),
  },
  'POST /api/v1/broker/rabbitmq/{secret}/resource': {
    params: { secret: () => 'not-the-broker-secret' },
    body: () => ({
      username: 'aq-1',
      vhost: '/',
      resource: 'queue',
      name: 'ioc.telemetry',
      permission: 'read',
    }),
  },
  'POST /api/v1/broker/rabbitmq/{secret}/topic': {
    params: { secret: () => 'not-the-broker-secret' },
    body: () => ({
      username: 'aq-1',
      vhost: '/',
      resource: 'topic',
      name: 'amq.topic',
      permission: 'read',
      routing_key: 'ioc.v1.telemetry.#',
    }),
  },

  'POST /api/v1/units/import': {
    unbuildable: 'an import needs boundary features of the named province; the probe sends none',
  },
  'GET /api/v1/rollups': { query: () => ({ metric: 'pm25', bucket: '1h' }) },
  'POST /api/v1/alerts/{id}/{action}': {
    params: { action: () => 'note' },
    body: () => ({ text: 'authorization matrix probe' }),
  },
  'GET /api/v1/alert-rules/{id}': { params: { id: (w) => w.refs.alertRule } },
  'PATCH /api/v1/alert-rules/{id}': {
    params: { id: (w) => w.refs.alertRule },
    body: () => ({ severity: 'warning' }),
  },
  'POST /api/v1/alert-rules': {
    body: (w) => ({
      name: `Matrix rule ${w.seq()}`,
      kind: 'threshold',
      params: { metric: 'pm25', comparator: '>', value: 900, clear: 800 },
      scope: { unitCodes: [w.units.home] },
      severity: 'info',
    }),
  },

  // The unit comes from the matrix (body `unit`); a person's report is answered, not recorded.
  'POST /api/v1/wall/screens/report': {
    body: () => ({
      tiles: { cols: 2, rows: 1 },
      tile: 2,
      sceneId: 'overview',
      sceneKind: 'overview',
      viewport: { width: 1920, height: 1080 },
      kiosk: true,
      build: null,
    }),
  },
  'PUT /api/v1/wall/config': {
    body: () => ({
      rotate: false,
      scenes: [
        {
          id: 'overview',
          kind: 'overview',
          durationSec: 60,
          enabled: true,
          measure: { kind: 'none' },
          overlays: [],
        },
      ],
    }),
  },
  'GET /api/v1/indicators/{code}': { params: { code: (w) => w.refs.indicator } },
  'PATCH /api/v1/indicators/{code}': {
    params: { code: (w) => w.refs.indicator },
    body: () => ({ notes: 'authorization matrix probe', ...why }),
  },
  'GET /api/v1/indicators/{code}/choropleth': {
    params: { code: (w) => w.refs.indicator },
    query: () => ({ year: '2026' }),
  },
  'GET /api/v1/indicators/{code}/history': { params: { code: (w) => w.refs.indicator } },
  'POST /api/v1/targets': {
    body: (w) => ({ indicator: w.refs.indicator, year: 2031, op: '>=', value: 1, ...why }),
  },
  'PATCH /api/v1/targets/{id}': { params: { id: () => '987654321' }, body: () => ({ ...why }) },
  'DELETE /api/v1/targets/{id}': { params: { id: () => '987654321' }, body: () => ({ ...why }) },
  'POST /api/v1/feeds': {
    body: (w) => ({ code: `authz-feed-${w.seq()}`, name: 'Matrix feed', ...why }),
  },
  'POST /api/v1/feeds/{code}/rotate': { params: { code: () => 'authz-no-feed' } },
  'DELETE /api/v1/feeds/{code}': { params: { code: () => 'authz-no-feed' }, body: () => why },

  'POST /api/v1/tasks': { body: (w) => ({ titleVi: `${w.marker.home} planned ${w.seq()}` }) },
  'PATCH /api/v1/tasks/{id}': { body: () => ({ notes: 'authorization matrix probe' }) },
  'POST /api/v1/tasks/{id}/cancel': {
    body: () => ({ reason: 'authorization matrix probe' }),
    consumes: 'task',
  },
  'POST /api/v1/tasks/{id}/progress': {
    body: () => ({ progress: 10, note: 'authorization matrix probe' }),
  },
  'GET /api/v1/tasks/{id}/evidence/{evidenceId}': { params: { evidenceId: () => '987654321' } },
  'POST /api/v1/offices': { body: (w) => ({ nameVi: `${w.marker.home} office ${w.seq()}` }) },
  'PATCH /api/v1/offices/{id}': { body: () => ({ nameEn: 'Matrix office' }) },
  'PUT /api/v1/offices/{id}/members': { body: (w) => ({ username: w.refs.username }) },

  'POST /api/v1/citizen/reports/{id}/assign': { consumes: 'citizenReport' },
  'POST /api/v1/citizen/reports/{id}/start': { consumes: 'citizenReport' },
  'POST /api/v1/citizen/reports/{id}/resolve': {
    body: () => ({ note: 'authorization matrix probe' }),
    photo: true,
    consumes: 'citizenReport',
  },
  'POST /api/v1/citizen/reports/{id}/reject': {
    body: () => ({ reason: 'authorization matrix probe' }),
    consumes: 'citizenReport',
  },
  'POST /api/v1/citizen/reports/{id}/transfer': {
    body: (w) => ({ unitCode: w.spareUnit, reason: 'authorization matrix probe' }),
    consumes: 'citizenReport',
  },
  'POST /api/v1/citizen/reports/{id}/comment': {
    body: () => ({ note: 'authorization matrix probe' }),
  },
  'POST /api/v1/citizen/reports/{id}/spam': {
    body: () => ({ spam: true, reason: 'authorization matrix probe' }),
    consumes: 'citizenReport',
  },
  'GET /api/v1/citizen/reports/{id}/photos/{photoId}': { params: { photoId: () => randomUUID() } },
  'PUT /api/v1/citizen/categories/{code}': {
    params: { code: () => 'authz_probe' },
    body: () => ({ nameVi: 'Thử', nameEn: 'Probe', icon: '📝', deadlineDays: 5 }),
  },
  'DELETE /api/v1/citizen/categories/{code}': { params: { code: () => 'authz_none' } },
  'GET /api/v1/work-holidays': { query: () => ({ year: '2031' }) },
  'PUT /api/v1/work-holidays/{day}': {
    params: { day: () => '2031-01-02' },
    body: () => ({ nameVi: 'Ngày thử', nameEn: 'Probe day' }),
  },
  'DELETE /api/v1/work-holidays/{day}': { params: { day: () => '2031-01-03' } },
  'POST /api/v1/citizen/apps': { body: (w) => ({ id: `authz-app-${w.seq()}`, name: 'Matrix' }) },
  'DELETE /api/v1/citizen/apps/{id}': { params: { id: () => 'authz-no-app' } },

  'POST /api/v1/users': {
    body: (w) => ({
      username: `authz-user-${w.seq()}`,
      password: strongPassword(),
      role: 'ward_leader',
    }),
  },
  'PATCH /api/v1/users/{id}': { body: () => ({ displayName: 'Matrix' }) },
  'POST /api/v1/users/{id}/password': { body: () => ({ password: strongPassword() }) },
  'POST /api/v1/display-tokens': { body: (w) => ({ name: `Matrix wall ${w.seq()}` }) },

  'POST /api/v1/reports/periods/{id}/return': {
    body: () => ({ reason: 'authorization matrix probe' }),
  },
  'POST /api/v1/reports/periods/{id}/reopen': {
    body: () => ({ reason: 'authorization matrix probe' }),
  },
  'GET /api/v1/reports/export.xlsx': { query: () => ({ period: MONTH }) },
  'GET /api/v1/reports/export.json': { query: () => ({ period: MONTH }) },
  'PATCH /api/v1/reports/schedules/{id}': { body: () => ({ remindDays: [3] }) },
};

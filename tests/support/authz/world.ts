import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { callApi } from '../http';
import type { TestPlatform } from '../platform';
import { waitFor } from '../wait';
import { importSecondProvince, OTHER_PROVINCE, OTHER_WARDS } from './second-province';

/** Where a probe value lives, seen from the ward-scoped callers (HOME) and province callers (48). */
export type Place = 'home' | 'foreign' | 'other';
export const PLACES: readonly Place[] = ['home', 'foreign', 'other'];

/** Resources whose unit the access gate looks up (apps/api/src/auth/resource-lookups.ts). */
export type LookupKind =
  | 'device'
  | 'alert'
  | 'task'
  | 'office'
  | 'period'
  | 'schedule'
  | 'citizenReport'
  | 'camera'
  | 'cameraEvent';

export interface World {
  homeProvince: string;
  otherProvince: string;
  /** HOME (the ward callers' ward), FOREIGN (another ward of 48), OTHER (a ward of 75). */
  units: Record<Place, string>;
  /** A fourth ward of 48, for routes that need a unit the probe is not about (a transfer's target). */
  spareUnit: string;
  resources: Record<LookupKind, Record<Place, string> & { missing: string }>;
  /** Text every seeded resource of a place carries in its name, title or description. */
  marker: Record<Place, string>;
  /** A new resource of a kind in a place, for probes that use theirs up (a transfer, a cancel). */
  fresh(kind: FreshKind, place: Place): Promise<string>;
  /** Reference values the requests need: an indicator code, an alert rule, a citizen tracking code. */
  refs: {
    indicator: string;
    alertRule: string;
    trackingCode: string;
    username: string;
    /** Camera event sources: one to edit, one to delete. */
    eventSource: string;
    spareEventSource: string;
  };
  /** A counter for unique names in bodies. */
  seq(): number;
}

export type FreshKind = Extract<LookupKind, 'device' | 'task' | 'citizenReport' | 'camera'>;

const CATEGORIES = [
  'den_duong',
  'ngap_nuoc',
  'rac_thai',
  'lan_chiem',
  'tieng_on',
  'duong_hu_hong',
  'cay_xanh',
  'an_ninh',
  'khac',
];
const HOME = '20275';
const FOREIGN = '20314';
const SPARE = '20305';

/** An id of the same shape as a real one that names nothing. */
function missingLike(id: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id)) return randomUUID();
  if (/^\d+$/.test(id)) return '987654321';
  const office = /^(\d{2}(?:\d{3})?)\.[a-z0-9-]+$/.exec(id);
  if (office) return `${office[1] ?? ''}.authz-missing`;
  return `${id}-missing`;
}

/**
 * Seeds the world the matrix probes: Đồng Nai beside Đà Nẵng, and in HOME, FOREIGN and OTHER a
 * device, an alert on it, an office, a task, a reporting schedule with its period, and a citizen
 * report — through the platform's API as an administrator, as an operator would.
 */
export async function seedWorld(platform: TestPlatform): Promise<World> {
  await importSecondProvince(platform.ctx.unitImport);
  const units: Record<Place, string> = {
    home: HOME,
    foreign: FOREIGN,
    other: OTHER_WARDS[0].code,
  };
  const marker: Record<Place, string> = {
    home: 'authz-home',
    foreign: 'authz-foreign',
    other: 'authz-other',
  };
  let counter = 0;
  const seq = () => ++counter;
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await callApi(platform.httpUrl, method, path, platform.adminToken, body);
    if (r.status >= 300) {
      throw new Error(`seeding: ${method} ${path} answered ${r.status} ${JSON.stringify(r.body)}`);
    }
    return r.body as T;
  };
  const labels = new Map<string, [number, number]>();
  for (const place of PLACES) {
    const u = await admin<{ label: [number, number] | null }>(
      'GET',
      `/api/v1/units/${units[place]}`,
    );
    if (!u.label) throw new Error(`seeding: unit ${units[place]} has no label point`);
    labels.set(place, u.label);
  }
  const at = (place: Place): [number, number] => labels.get(place) ?? [0, 0];

  const deviceTokens = new Map<string, string>();
  const device = async (place: Place): Promise<string> => {
    const id = `${marker[place]}-dev-${seq()}`;
    const [lon, lat] = at(place);
    const issued = await admin<{ token: string }>('POST', '/api/v1/devices', {
      id,
      kind: 'air_quality',
      name: `${marker[place]} station`,
      unitCode: units[place],
      lon,
      lat,
    });
    deviceTokens.set(id, issued.token);
    return id;
  };
  const task = async (place: Place): Promise<string> =>
    (
      await admin<{ id: string }>('POST', '/api/v1/tasks', {
        leadUnitCode: units[place],
        titleVi: `${marker[place]} task ${seq()}`,
      })
    ).id;
  const office = async (place: Place): Promise<string> =>
    (
      await admin<{ id: string }>('POST', '/api/v1/offices', {
        unitCode: units[place],
        nameVi: `${marker[place]} office ${seq()}`,
      })
    ).id;
  const citizenReport = async (place: Place): Promise<{ id: string; code: string }> => {
    // Residents can only report inside IOC_PROVINCE (48): the other province's case is taken in
    // at FOREIGN and moved there in the database, as a province merger or a data error would
    // leave it. No service can make it; the gate must still keep it from province 48's callers.
    const [lon, lat] = at(place === 'other' ? 'foreign' : place);
    const n = seq();
    // Each case on its own spot (a 5 × 5 grid 66 m apart around the label point) and category:
    // an open case of the same category within 50 m would take the new one in as a duplicate.
    const slot = Math.floor(n / CATEGORIES.length) % 25;
    const made = await admin<{ code: string }>('POST', '/api/v1/public/citizen/reports', {
      category: CATEGORIES[n % CATEGORIES.length],
      description: `${marker[place]} report ${n}: the authorization matrix's case`,
      lat: lat + ((slot % 5) - 2) * 6e-4,
      lon: lon + (Math.floor(slot / 5) - 2) * 6e-4,
    });
    const { rows } = await platform.ctx.pool.query<{ id: string }>(
      place === 'other'
        ? 'UPDATE citizen_report SET unit_code = $2 WHERE code = $1 RETURNING id'
        : 'SELECT id FROM citizen_report WHERE code = $1',
      place === 'other' ? [made.code, units.other] : [made.code],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`seeding: citizen report ${made.code} not found`);
    return { id, code: made.code };
  };

  const camera = async (place: Place): Promise<string> => {
    const [lon, lat] = at(place);
    const n = seq();
    return (
      await admin<{ id: string }>('POST', '/api/v1/cameras', {
        id: `${marker[place]}-cam-${n}`,
        name: `${marker[place]} camera ${n}`,
        kind: 'security',
        lon,
        lat,
        unitCode: units[place],
        whepPath: `${marker[place]}/cam-${n}`,
        hlsPath: `${marker[place]}/cam-${n}`,
        credentials: { username: 'matrix', password: 'matrix-camera-password' },
      })
    ).id;
  };

  const build = async (make: (p: Place) => Promise<string>) => {
    const out = {} as Record<Place, string>;
    for (const p of PLACES) out[p] = await make(p);
    return { ...out, missing: missingLike(out.home) };
  };

  const devices = await build(device);
  const rule = await admin<{ id: string }>('POST', '/api/v1/alert-rules', {
    name: 'Matrix probe threshold',
    kind: 'threshold',
    params: { metric: 'pm25', comparator: '>', value: 300, clear: 200, uom: 'µg/m³' },
    scope: { deviceIds: PLACES.map((p) => devices[p]) },
    severity: 'warning',
  });
  const alerts = await build(async (p) => {
    const id = devices[p];
    const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${deviceTokens.get(id) ?? ''}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ts: Date.now(), values: { pm25: 500 } }),
    });
    if (res.status !== 202) throw new Error(`seeding: telemetry of ${id} answered ${res.status}`);
    return waitFor(
      async () => {
        await platform.ctx.live.idle();
        const list = await admin<{ items: { id: string }[] }>(
          'GET',
          `/api/v1/alerts?device=${encodeURIComponent(id)}`,
        );
        return list.items[0]?.id;
      },
      15_000,
      `the alert of ${id}`,
    );
  });
  const offices = await build(office);
  const cameras = await build(camera);
  // A camera event with its picture per place, through a generic webhook source.
  const eventSource = `authz-events-${seq()}`;
  const eventSecret = `authz-events-${randomUUID()}`;
  const picture = readFileSync(
    resolve(import.meta.dirname, '../../../libs/camera-events/fixtures/snapshot.jpg'),
  ).toString('base64');
  for (const id of [eventSource, `${eventSource}-spare`]) {
    await admin('POST', '/api/v1/camera-event-sources', {
      id,
      name: `${marker.home} event source`,
      kind: 'generic',
      cameras: Object.fromEntries(PLACES.map((p) => [p, cameras[p]])),
      secret: eventSecret,
    });
  }
  const cameraEvents = await build(async (p) => {
    const res = await fetch(`${platform.httpUrl}/api/v1/camera-events/webhook/${eventSource}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': eventSecret },
      body: JSON.stringify({
        camera: p,
        type: 'intrusion',
        label: `${marker[p]} event`,
        time: new Date(Date.now() - 60_000).toISOString(),
        snapshot: picture,
      }),
    });
    const body = (await res.json()) as { accepted?: { id: string }[] };
    const id = body.accepted?.[0]?.id;
    if (!id) throw new Error(`seeding: camera event of ${p} answered ${res.status}`);
    return id;
  });
  const tasks = await build(task);
  const schedules = await build(
    async (p) =>
      (await admin<{ id: string }>('POST', '/api/v1/reports/schedules', { unitCode: units[p] })).id,
  );
  const periods = await build(async (p) => {
    const list = await admin<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/reports/periods?unit=${units[p]}`,
    );
    const id = list.items[0]?.id;
    if (!id) throw new Error(`seeding: no reporting period for ${units[p]}`);
    return id;
  });
  const reports = {} as Record<Place, string>;
  let trackingCode = '';
  for (const p of PLACES) {
    const r = await citizenReport(p);
    reports[p] = r.id;
    if (p === 'home') trackingCode = r.code;
  }
  const indicators = await admin<{ items: { code: string }[] }>('GET', '/api/v1/indicators');
  const member = `authz-member-${seq()}`;
  await admin('POST', '/api/v1/users', {
    username: member,
    password: `Matrix-${randomUUID()}`,
    role: 'ward_operator',
    units: [HOME],
  });

  return {
    homeProvince: '48',
    otherProvince: OTHER_PROVINCE,
    units,
    spareUnit: SPARE,
    marker,
    resources: {
      device: devices,
      alert: alerts,
      task: tasks,
      office: offices,
      period: periods,
      schedule: schedules,
      citizenReport: { ...reports, missing: missingLike(reports.home) },
      camera: cameras,
      cameraEvent: cameraEvents,
    },
    refs: {
      indicator: indicators.items[0]?.code ?? 'missing-indicator',
      alertRule: rule.id,
      trackingCode,
      username: member,
      eventSource,
      spareEventSource: `${eventSource}-spare`,
    },
    seq,
    async fresh(kind, place) {
      if (kind === 'device') return device(place);
      if (kind === 'task') return task(place);
      if (kind === 'camera') return camera(place);
      return (await citizenReport(place)).id;
    },
  };
}

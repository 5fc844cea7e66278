/**
 * The embedded demo as the wall sees it, with the simulator running: fishing vessels publish
 * their position with every reading (placed per reading; at sea outside every unit), the WS
 * delta carries the position and the device list the last known one; the demo alert rules trip
 * on the simulated hotspots, and a display token lists the open alerts with a plottable lon/lat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView, ReadingDelta, WsServerMessage } from '@ioc/contracts';
import type { AlertView } from '@ioc/live';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';
import { openWs } from '../support/ws';

describe('embedded demo: vessels and alerts for the wall', () => {
  let platform: TestPlatform;
  let display = '';

  /** GET as the token; the body typed as the caller expects it (a test, not a parser). */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  async function get<T>(path: string, token: string): Promise<{ status: number; body: T }>;
  async function get(path: string, token: string): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  beforeAll(async () => {
    platform = await startTestPlatform({
      SIMULATOR: 'true',
      SIMULATOR_INTERVAL_MS: '400',
    });
    display = await platform.displayToken('48');
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('moves the fishing fleet: positions on the WS delta, last known position in the device list', async () => {
    const ws = await openWs(platform.httpUrl, `/ws?token=${encodeURIComponent(display)}`);
    ws.send({ type: 'subscribe', channels: ['unit:48'] });
    await ws.next((m) => m.type === 'subscribed');
    // A vessel out at sea: its reading is in no unit, yet the province's wall gets it.
    const atSea = (m: WsServerMessage) =>
      m.type === 'readings' &&
      m.deltas.some((d) => d.deviceId.startsWith('vs-') && d.unitCode === null && d.position);
    const msg = await ws.next(atSea, 30_000);
    const delta = (msg as { deltas: ReadingDelta[] }).deltas.find(
      (d) => d.deviceId.startsWith('vs-') && d.unitCode === null,
    );
    // "At sea" means what the platform says: the reported position lies in no unit.
    const pos = delta?.position;
    expect(pos).toBeDefined();
    if (pos) expect(platform.ctx.units.locate(pos.lon, pos.lat)).toBeNull();
    expect(delta?.values.speed_knots).toBeGreaterThan(0);
    ws.close();

    const vessels = await waitFor(
      async () => {
        const r = await get<{ items: (DeviceView & { positionAt: string | null })[] }>(
          '/api/v1/devices?unit=48',
          display,
        );
        const v = r.body.items.filter((d) => d.kind === 'vessel');
        return v.length >= 8 && v.every((d) => d.positionAt !== null) ? v : undefined;
      },
      30_000,
      'every demo vessel with a known position',
    );
    expect(vessels.length).toBeLessThanOrEqual(12);
    for (const v of vessels) {
      expect(v).toMatchObject({ mobile: true, unitCode: '48' });
      expect(v.latest.speed_knots?.value).toBeGreaterThan(0);
    }
    // Some readings were placed in a ward, some at sea in none.
    const { rows } = await platform.ctx.pool.query<{ at_sea: boolean; n: number }>(
      "SELECT unit_code IS NULL AS at_sea, count(*)::int AS n FROM reading WHERE device_id LIKE 'vs-%' GROUP BY 1",
    );
    expect(rows.find((r) => r.at_sea)?.n).toBeGreaterThan(0);
    // Positions move between readings.
    const first = new Map(vessels.map((v) => [v.id, `${String(v.lon)},${String(v.lat)}`]));
    await waitFor(
      async () => {
        const r = await get<{ items: DeviceView[] }>('/api/v1/devices?unit=48', display);
        const moved = r.body.items.filter(
          (d) => first.has(d.id) && first.get(d.id) !== `${String(d.lon)},${String(d.lat)}`,
        );
        return moved.length >= 4 ? true : undefined;
      },
      30_000,
      'vessels to move',
    );
  });

  it('trips the demo alert rules; a display token lists open alerts with a position to plot', async () => {
    const open = await waitFor(
      async () => {
        const r = await get<{ items: AlertView[] }>('/api/v1/alerts?unit=48&state=open', display);
        expect(r.status).toBe(200);
        return r.body.items.some((a) => a.ruleId === 'demo-pm25-qcvn') ? r.body.items : undefined;
      },
      30_000,
      'an open PM2.5 alert',
    );
    expect(open.every((a) => a.status === 'open')).toBe(true);
    for (const a of open) {
      expect(a.deviceId).not.toBeNull();
      const device = await get<DeviceView>(`/api/v1/devices/${a.deviceId ?? ''}`, display);
      expect({ lon: a.lon, lat: a.lat }).toEqual({ lon: device.body.lon, lat: device.body.lat });
      expect(typeof a.lon).toBe('number');
    }
    // A ward's display sees its ward's alerts only; the alert detail carries the position too.
    const pm = open.find((a) => a.ruleId === 'demo-pm25-qcvn');
    const wardDisplay = await platform.displayToken(pm?.unitCode ?? '');
    const detail = await get<AlertView>(`/api/v1/alerts/${pm?.id ?? ''}`, wardDisplay);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ lon: pm?.lon, lat: pm?.lat });
    const rules = await get<{ items: { id: string }[] }>(
      '/api/v1/alert-rules',
      platform.adminToken,
    );
    expect(rules.body.items.map((r) => r.id)).toEqual(
      expect.arrayContaining(['demo-pm25-qcvn', 'demo-water-level', 'demo-noise-day']),
    );
  });

  it('pushes alert changes with their position on the alerts channel', async () => {
    const ws = await openWs(platform.httpUrl, `/ws?token=${encodeURIComponent(display)}`);
    ws.send({ type: 'subscribe', channels: ['alerts:48'] });
    await ws.next((m) => m.type === 'subscribed');
    // Acknowledging an open alert is a change the wall must see, position included.
    const r = await get<{ items: AlertView[] }>('/api/v1/alerts?unit=48&state=open', display);
    const target = r.body.items.find((a) => a.lon !== null);
    expect(target).toBeDefined();
    const ack = await fetch(`${platform.httpUrl}/api/v1/alerts/${target?.id ?? ''}/acknowledge`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${platform.adminToken}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(ack.status).toBe(200);
    const pushed = await ws.next(
      (m) => m.type === 'alert' && (m.alert as AlertView).id === target?.id,
      15_000,
    );
    expect((pushed as { alert: AlertView }).alert).toMatchObject({
      status: 'acknowledged',
      lon: target?.lon,
      lat: target?.lat,
    });
    ws.close();
  });
});

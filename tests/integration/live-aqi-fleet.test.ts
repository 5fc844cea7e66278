import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reading } from '@ioc/contracts';
import { postgresAvailable } from '../support/databases';
import { backendFactories, type Backend } from '../support/backends';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * VN_AQI and fleet health through the API, from rows written by the ReadingWriter, against
 * values computed by hand from the decision's tables (QĐ 1459/QĐ-TCMT Bảng 1, Bảng 2).
 */

const hasPostgres = await postgresAvailable();
const HOUR = 3_600_000;
const MIN = 60_000;

interface AqiBody {
  start: string;
  end: string;
  complete: boolean;
  stations: {
    deviceId: string;
    index: null | {
      aqi: number;
      dominant: string;
      missing: string[];
      category: { code: string; labelVi: string; hex: string };
      nowcast?: { pm25?: number };
    };
    reason?: string;
  }[];
  units: {
    unitCode: string;
    stations: number;
    index: null | { aqi: number };
    worstStation: { deviceId: string; aqi: number } | null;
  }[];
  categories: { code: string; hex: string }[];
}

describe(`VN_AQI and fleet health — ${hasPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let platform: TestPlatform;
  /** A province leader reads the index and the fleet, as on the wall and the tablet. */
  let leader = '';
  let backend: Backend | undefined;
  const tag = Date.now().toString(36);
  const now = Date.now();
  const lastHour = Math.floor(now / HOUR) * HOUR - HOUR; // the latest complete hour
  const a = `aqa-${tag}`;
  const b = `aqb-${tag}`;
  const c = `aqc-${tag}`;

  const row = (
    deviceId: string,
    unitCode: string,
    metric: string,
    time: number,
    value: number,
  ): Reading => ({
    deviceId,
    unitCode,
    metric,
    time: new Date(time),
    value,
  });

  beforeAll(async () => {
    if (hasPostgres)
      backend = await backendFactories()
        .find((f) => f.mode === 'postgres')!
        .create();
    // The platform's "now" is the test's: an hour that ends while the suite runs changes
    // nothing ("the latest complete hour" is the one the data was laid out for).
    const clock = () => new Date(now);
    platform = await startTestPlatform(backend ? { DATABASE_URL: backend.url, clock } : { clock });
    leader = await platform.loginAs('province_leader', ['48']);
    const rows: Reading[] = [];
    for (let h = 0; h < 12; h++) {
      const t = lastHour - h * HOUR;
      // Station A (20314): steady PM, ozone only in the current hour, no CO/SO2/NO2.
      rows.push(
        row(a, '20314', 'pm25', t + 10 * MIN, 40),
        row(a, '20314', 'pm25', t + 40 * MIN, 40),
      );
      rows.push(row(a, '20314', 'pm10', t + 10 * MIN, 100));
      // Station B (20305): PM2.5 falling from 120 (oldest) to 10 (now): the Nowcast's w = 1/2 case.
      rows.push(row(b, '20305', 'pm25', t + 5 * MIN, h === 0 ? 10 : 120));
      // Station C (20305): gases only, no PM — no index.
      rows.push(row(c, '20305', 'no2', t + 5 * MIN, 150));
    }
    rows.push(row(a, '20314', 'o3', lastHour + 20 * MIN, 180));
    await platform.ctx.writer.enqueue(rows);
    await platform.ctx.live.idle();
  });

  afterAll(async () => {
    await platform.dispose();
    await backend?.dispose();
  });

  async function aqi(query: string): Promise<AqiBody> {
    const res = await platform.api(`/api/v1/aqi?${query}`, {}, leader);
    expect(res.status).toBe(200);
    return (await res.json()) as AqiBody;
  }

  it('computes the hourly index per station with the Nowcast, the dominant pollutant and what is missing', async () => {
    const body = await aqi('unit=48&period=hour');
    expect(body.start).toBe(new Date(lastHour).toISOString());
    expect(body.complete).toBe(true);
    const sa = body.stations.find((s) => s.deviceId === a)!;
    // PM2.5 Nowcast of a steady 40 = 40 → 50 + 50·(40−25)/(50−25) = 80; PM10 100 → 75; O3 180 → 75.
    expect(sa.index).toMatchObject({
      aqi: 80,
      dominant: 'pm25',
      category: { code: 'moderate', labelVi: 'Trung bình', hex: '#ffff00' },
    });
    expect(sa.index?.missing.sort()).toEqual(['co', 'no2', 'so2']);
    // B: c1 = 10, c2..c12 = 120: w* = 10/120 ≤ 1/2, so Nowcast = Σ (1/2)^i·ci = 10/2 + 120·(1/4 + … + 1/2^12) ≈ 64.94
    // → 100 + 50·(64.94−50)/(80−50) = 124.9 → 125, Kém (orange).
    const sb = body.stations.find((s) => s.deviceId === b)!;
    expect(sb.index?.nowcast?.pm25).toBeCloseTo(5 + 120 * (0.5 - 0.5 ** 12), 6);
    expect(sb.index).toMatchObject({ aqi: 125, category: { code: 'poor', hex: '#ff7e00' } });
    // C has no PM10/PM2.5: the decision gives no index.
    const sc = body.stations.find((s) => s.deviceId === c)!;
    expect(sc.index).toBeNull();
    expect(sc.reason).toMatch(/PM10 or PM2.5/);
    // Ward 20305 from its rollup (B's PM, C's NO2 150 → 50 + 50·50/100 = 75): PM2.5 decides.
    const w = body.units.find((u) => u.unitCode === '20305')!;
    expect(w).toMatchObject({
      stations: 2,
      index: { aqi: 125 },
      worstStation: { deviceId: b, aqi: 125 },
    });
    expect(body.units.find((u) => u.unitCode === '48')?.stations).toBeGreaterThanOrEqual(3);
    expect(body.categories.map((x) => x.hex)).toEqual([
      '#00e400',
      '#ffff00',
      '#ff7e00',
      '#ff0000',
      '#8f3f97',
      '#7e0023',
    ]);
  });

  it('computes the daily index from 24-hour means', async () => {
    // A full local day for a fresh station: PM2.5 60 all day → 100 + 50·(60−50)/(80−50) = 116.7 → 117.
    const dayStart =
      Math.floor((now + 7 * HOUR) / 86_400_000) * 86_400_000 - 7 * HOUR - 2 * 86_400_000;
    const id = `aqd-${tag}`;
    const rows: Reading[] = Array.from({ length: 24 }, (_, h) =>
      row(id, '20194', 'pm25', dayStart + h * HOUR + 30 * MIN, 60),
    );
    await platform.ctx.writer.enqueue(rows);
    await platform.ctx.live.idle();
    const body = await aqi(
      `unit=20194&period=day&at=${new Date(dayStart + 12 * HOUR).toISOString()}`,
    );
    expect(body.start).toBe(new Date(dayStart).toISOString());
    expect(body.stations.find((s) => s.deviceId === id)?.index).toMatchObject({
      aqi: 117,
      category: { code: 'poor' },
    });
    // With only 17 of 24 hours the 24-hour mean is incomplete (75 % rule): no index.
    const sparse = `aqs-${tag}`;
    await platform.ctx.writer.enqueue(rows.slice(0, 17).map((r) => ({ ...r, deviceId: sparse })));
    await platform.ctx.live.idle();
    const again = await aqi(`unit=20194&period=day&at=${new Date(dayStart + HOUR).toISOString()}`);
    expect(again.stations.find((s) => s.deviceId === sparse)?.index).toBeNull();
  });

  it('reports fleet status, counts, uptime as numerator/denominator, and battery', async () => {
    // f3 is never heard from (an installation to finish), f4 fell silent 10 minutes ago.
    const ids = [`f1-${tag}`, `f2-${tag}`, `f3-${tag}`, `f4-${tag}`];
    for (const id of ids) await platform.addDevice({ id, kind: 'camera', unitCode: '20314' });
    const from = Math.floor(now / MIN) * MIN - 2 * HOUR;
    const rows: Reading[] = [];
    for (let m = 0; m < 60; m++) {
      // f1 misses minutes 20–39: the 21-minute gap between its reports at 19 and 40 is down time.
      if (m < 20 || m >= 40)
        rows.push(row(ids[0]!, '20314', 'wifi_clients', from + m * MIN + 5000, m));
      rows.push(row(ids[1]!, '20314', 'wifi_clients', from + m * MIN + 5000, m));
    }
    rows.push(row(ids[0]!, '20314', 'battery', from + 59 * MIN, 87));
    await platform.ctx.writer.enqueue(rows);
    await platform.ctx.live.idle();
    await platform.ctx.pool.query(
      `UPDATE device SET expected_interval_s = 60, created_at = $4::timestamptz - interval '1 day',
         last_seen = CASE id WHEN $1 THEN $4::timestamptz - interval '30 seconds'
                             WHEN $2 THEN $4::timestamptz - interval '120 seconds'
                             WHEN $5 THEN $4::timestamptz - interval '10 minutes' END
       WHERE id = ANY($3)`,
      [ids[0], ids[1], ids, new Date(now), ids[3]],
    );
    const q = new URLSearchParams({
      unit: '48',
      kind: 'camera',
      from: new Date(from).toISOString(),
      to: new Date(from + HOUR).toISOString(),
    });
    const res = await platform.api(`/api/v1/fleet?${q.toString()}`, {}, leader);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      summary: {
        online: number;
        late: number;
        offline: number;
        never: number;
        total: number;
        uptime: { numerator: number; denominator: number; ratio: number };
      };
      byUnit: { key: string; total: number; uptime: { numerator: number; denominator: number } }[];
      byKind: { key: string; online: number; late: number; offline: number; never: number }[];
      devices: {
        id: string;
        status: string;
        uptime: { numerator: number; denominator: number };
        health: { battery?: { value: number } };
      }[];
    };
    const dev = (i: number) => body.devices.find((d) => d.id === ids[i]);
    expect(dev(0)?.status).toBe('online');
    expect(dev(1)?.status).toBe('late');
    expect(dev(2)?.status).toBe('never');
    expect(dev(3)?.status).toBe('offline');
    expect(dev(0)?.uptime).toMatchObject({ numerator: 3600 - 21 * 60, denominator: 3600 });
    expect(dev(1)?.uptime).toMatchObject({ numerator: 3600, denominator: 3600 });
    expect(dev(2)?.uptime).toMatchObject({ numerator: 0, denominator: 3600 });
    expect(dev(0)?.health.battery?.value).toBe(87);
    expect(body.summary).toMatchObject({ online: 1, late: 1, offline: 1, never: 1, total: 4 });
    // Ward and province add numerators and denominators.
    expect(body.summary.uptime).toMatchObject({ numerator: 2340 + 3600, denominator: 4 * 3600 });
    expect(body.byUnit).toEqual([
      expect.objectContaining({
        key: '20314',
        total: 4,
        uptime: expect.objectContaining({ numerator: 5940, denominator: 14_400 }),
      }),
    ]);
    expect(body.byKind).toEqual([
      expect.objectContaining({ key: 'camera', online: 1, late: 1, offline: 1, never: 1 }),
    ]);
  });
});

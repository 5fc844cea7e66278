/**
 * Citizen reports never show who reported them (embedded, access control on): a case filed
 * with a distinctive name, phone number, client address and a precise position is followed
 * through every public route that serves reports — the submission's answer, the tracking view
 * (with its photo list), the public map of open and resolved cases, the rating and reopening
 * answers — and none of those bodies holds the name, the phone, the address, nor a coordinate
 * with more than 3 decimals. The staff view, for contrast, has them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { citizenCaseViewSchema, citizenListResponse, citizenSubmitResponse } from '@ioc/contracts';
import {
  DA_NANG_WARDS,
  citizenForm,
  offsetMetres,
  prng,
  randomWardPoint,
  testSeed,
  wardAt,
} from '../support/citizen';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const SEED = testSeed();
const NAME = 'Nguyễn Hoàng Phi Yến Xuân';
const PHONE = '0912 345 678';
const PHONE_DIGITS = '912345678';
const CLIENT = '203.0.113.187';

describe(`citizen reports: no personal data on public routes (seed ${String(SEED)})`, () => {
  let platform: TestPlatform;
  let lat = 0;
  let lon = 0;
  let unit = '';
  const bodies: { route: string; text: string }[] = [];

  /** A public call as the resident's browser makes it; the raw body is kept for the checks. */
  const publicCall = async (route: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      ...init,
      headers: { 'x-forwarded-for': CLIENT, ...(init.headers as Record<string, string>) },
    });
    const text = await res.text();
    expect(res.status, `${route}: ${text}`).toBeLessThan(300);
    bodies.push({ route, text });
    return JSON.parse(text) as unknown;
  };
  const postJson = (route: string, path: string, body: unknown) =>
    publicCall(route, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    // The seed replays a failing draw (CITIZEN_SEED=…).
    console.log(`citizen-privacy seed ${String(SEED)}`);
    platform = await startTestPlatform({ IOC_BOUNDARIES: DA_NANG_WARDS });
    const ward = randomWardPoint(prng(SEED));
    // Six decimals, nudged so no rounding of them ends in zeros.
    const p = offsetMetres(ward, 3.3, 4.7);
    lat = Number(p.lat.toFixed(6));
    lon = Number(p.lon.toFixed(6));
    unit = ward.code;
    expect(wardAt({ lat, lon })).toBe(unit);
  }, 180_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('keeps the name, phone, address and exact position out of every public answer', async () => {
    const photo = await sharp({
      create: { width: 80, height: 60, channels: 3, background: '#888' },
    })
      .jpeg()
      .toBuffer();
    const submitted = citizenSubmitResponse.parse(
      await publicCall('submit', '/api/v1/public/citizen/reports', {
        method: 'POST',
        body: citizenForm(
          {
            category: 'lan_chiem',
            description: 'Quán nhậu lấn chiếm toàn bộ vỉa hè, người đi bộ phải xuống lòng đường',
            lat,
            lon,
            name: NAME,
            phone: PHONE,
          },
          [{ name: 'via-he.jpg', data: photo, type: 'image/jpeg' }],
        ),
      }),
    );
    const code = submitted.code;
    await publicCall('tracking view (received)', `/api/v1/public/citizen/reports/${code}`);
    await publicCall('map of open cases', `/api/v1/public/citizen/map?status=open&unit=${unit}`);

    // The staff view has what the public never sees.
    const list = await callApi(
      platform.httpUrl,
      'GET',
      `/api/v1/citizen/reports?q=${code}`,
      platform.adminToken,
    );
    const id = citizenListResponse.parse(list.body).items.find((c) => c.code === code)?.id ?? '';
    const staff = citizenCaseViewSchema.parse(
      (await callApi(platform.httpUrl, 'GET', `/api/v1/citizen/reports/${id}`, platform.adminToken))
        .body,
    );
    expect(staff).toMatchObject({ reporterName: NAME, lat, lon });
    expect(staff.reporterPhone?.replace(/\D/g, '')).toContain(PHONE_DIGITS);

    // Handled and resolved, so it is on the default (resolved) map.
    const office = await callApi(platform.httpUrl, 'POST', '/api/v1/offices', platform.adminToken, {
      unitCode: unit,
      nameVi: 'Đội trật tự đô thị',
    });
    const officeId = (office.body as { id: string }).id;
    const assign = await callApi(
      platform.httpUrl,
      'POST',
      `/api/v1/citizen/reports/${id}/assign`,
      platform.adminToken,
      { officeId },
    );
    expect(assign.status, JSON.stringify(assign.body)).toBe(200);
    const start = await callApi(
      platform.httpUrl,
      'POST',
      `/api/v1/citizen/reports/${id}/start`,
      platform.adminToken,
    );
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const resolved = await fetch(`${platform.httpUrl}/api/v1/citizen/reports/${id}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${platform.adminToken}` },
      body: citizenForm({ note: 'Đã lập biên bản, trả lại vỉa hè' }, [
        { name: 'sau.jpg', data: photo, type: 'image/jpeg' },
      ]),
    });
    expect(resolved.status).toBe(200);

    await publicCall('tracking view (resolved)', `/api/v1/public/citizen/reports/${code}`);
    await publicCall('map of resolved cases', '/api/v1/public/citizen/map');
    await publicCall('map of the ward', `/api/v1/public/citizen/map?unit=${unit}`);
    await postJson('rating', `/api/v1/public/citizen/reports/${code}/rating`, { rating: 2 });
    await postJson('reopen', `/api/v1/public/citizen/reports/${code}/reopen`, {
      reason: 'Hôm sau quán lại bày bàn ghế ra vỉa hè',
    });
    await publicCall('tracking view (reopened)', `/api/v1/public/citizen/reports/${code}`);

    const mapped = bodies.filter((b) => b.route.startsWith('map'));
    expect(mapped.some((b) => b.text.includes(`"unitCode":"${unit}"`))).toBe(true);

    for (const { route, text } of bodies) {
      expect(text, route).not.toContain(NAME);
      expect(text, route).not.toContain('Phi Yến');
      expect(text.replace(/[\s.]/g, ''), route).not.toContain(PHONE_DIGITS);
      expect(text, route).not.toContain(CLIENT);
      // Any number near the case's position has at most 3 decimals.
      for (const m of text.matchAll(/-?\d+\.\d+/g)) {
        const n = Number(m[0]);
        if (Math.abs(n - lat) < 0.05 || Math.abs(n - lon) < 0.05) {
          expect(m[0].split('.')[1]?.length ?? 0, `${route}: ${m[0]}`).toBeLessThanOrEqual(3);
        }
      }
    }
  });
});

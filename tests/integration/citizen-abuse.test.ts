/**
 * Citizen reports under abuse (embedded, access control on, per-minute limit set to 25): a
 * thousand submissions from one client within a minute get exactly the limit's worth of 201s —
 * every one stored — and 429 RATE_LIMITED with Retry-After for the rest, each refusal counted and
 * dead-lettered; another client is served meanwhile; a 20 MB photo and a text file named .jpg are
 * refused with their own codes and clear messages, dead-lettered without the photo or the phone;
 * an app key can submit, a wrong key is 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenAppCreatedSchema, citizenSubmitResponse } from '@ioc/contracts';
import {
  DA_NANG_WARDS,
  allWardPoints,
  citizenForm,
  offsetMetres,
  wardAt,
} from '../support/citizen';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const PER_MINUTE = 25;
const FLOOD = 1_000;
const BATCH = 100;
const PHONE = '0905 123 987';
const wards = allWardPoints();

// Clients are told apart by X-Forwarded-For: the API trusts it from loopback proxies only
// (TRUST_PROXY's default), which is where these requests come from — as from a load balancer.
describe('citizen reports: rate limits and refusals (embedded, access control on)', () => {
  let platform: TestPlatform;

  const post = async (
    client: string,
    body: FormData | Record<string, unknown>,
    path = '/api/v1/public/citizen/reports',
    headers: Record<string, string> = {},
  ) => {
    const json = !(body instanceof FormData);
    const res = await fetch(`${platform.httpUrl}${path}`, {
      method: 'POST',
      headers: {
        'x-forwarded-for': client,
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: json ? JSON.stringify(body) : body,
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { code?: string; error?: { code: string; message: string } },
    };
  };
  const deadLetters = async (reason: string) =>
    (
      await platform.ctx.pool.query<{ payload: string | null; detail: string | null }>(
        'SELECT payload, detail FROM dead_letter WHERE reason = $1',
        [reason],
      )
    ).rows;
  const report = (i: number) => {
    const ward = wards[i % wards.length]!;
    const round = Math.floor(i / (wards.length * 9));
    // 80 m apart on later rounds: never a duplicate of an earlier submission.
    const moved = offsetMetres(ward, 0, 80 * round);
    const at = wardAt(moved) === ward.code ? moved : ward;
    return {
      category: CATEGORIES[Math.floor(i / wards.length) % CATEGORIES.length],
      description: `Phản ánh thử tải số ${String(i)}: ổ gà lớn giữa đường`,
      lat: at.lat,
      lon: at.lon,
    };
  };
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

  beforeAll(async () => {
    platform = await startTestPlatform({
      IOC_BOUNDARIES: DA_NANG_WARDS,
      CITIZEN_RATE_PER_MIN: String(PER_MINUTE),
      CITIZEN_RATE_PER_DAY: String(FLOOD),
    });
  }, 180_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('answers a flood from one client with exactly its limit of stored reports and 429s for the rest, while another client is served', async () => {
    const flooder = '198.51.100.7';
    const answers: Awaited<ReturnType<typeof post>>[] = [];
    let bystander: Awaited<ReturnType<typeof post>> | undefined;
    for (let start = 0; start < FLOOD; start += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, k) => post(flooder, report(start + k)));
      // Halfway, while the flooder is refused, a resident elsewhere files a report.
      if (start === FLOOD / 2) bystander = await post('198.51.100.99', report(FLOOD + 1));
      answers.push(...(await Promise.all(batch)));
    }
    const created = answers.filter((a) => a.status === 201);
    const limited = answers.filter((a) => a.status === 429);
    expect(created.length + limited.length).toBe(FLOOD);
    expect(created).toHaveLength(PER_MINUTE);
    for (const a of limited) {
      expect(a.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    expect(limited[0]?.body.error?.message).toMatch(/quá nhiều/);
    expect(bystander?.status, JSON.stringify(bystander?.body)).toBe(201);

    // None lost: every code answered is a stored case.
    const codes = created.map((a) => citizenSubmitResponse.parse(a.body).code);
    const stored = await platform.ctx.pool.query<{ code: string }>(
      'SELECT code FROM citizen_report WHERE code = ANY($1::text[])',
      [codes],
    );
    expect(new Set(stored.rows.map((r) => r.code))).toEqual(new Set(codes));

    // Every refusal counted and dead-lettered (the sink writes in batches).
    const rows = await waitFor(
      async () => {
        const r = await deadLetters('citizen_rate_limited');
        return r.length >= limited.length ? r : undefined;
      },
      20_000,
      'rate-limit dead letters',
    );
    expect(rows).toHaveLength(limited.length);
    const metrics = await fetch(`${platform.httpUrl}/metrics`, {
      headers: { authorization: `Bearer ${platform.adminToken}` },
    });
    expect(await metrics.text()).toContain(
      `ioc_citizen_refusals_total{reason="citizen_rate_limited"} ${String(limited.length)}`,
    );
  });

  it('refuses a 20 MB photo and a text file named .jpg with clear messages, and keeps neither bytes nor phone', async () => {
    const [ward] = wards;
    const fields = {
      category: 'rac_thai',
      description: 'Bãi rác tự phát cạnh chợ, bốc mùi',
      lat: ward!.lat,
      lon: ward!.lon,
      phone: PHONE,
    };
    const big = Buffer.alloc(20 * 1024 * 1024, 0xff);
    big.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const tooLarge = await post(
      '198.51.100.20',
      citizenForm(fields, [{ name: 'to.jpg', data: big, type: 'image/jpeg' }]),
    );
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error?.code).toBe('PHOTO_TOO_LARGE');
    expect(tooLarge.body.error?.message).toMatch(/Ảnh vượt quá 10 MB/);

    const english = await post(
      '198.51.100.21',
      citizenForm(fields, [{ name: 'to.jpg', data: big, type: 'image/jpeg' }]),
      '/api/v1/public/citizen/reports',
      { 'accept-language': 'en-GB,en;q=0.8' },
    );
    expect(english.body.error?.message).toMatch(/larger than 10 MB/);

    const text = Buffer.from('Đây không phải là ảnh, chỉ là chữ.\n'.repeat(50), 'utf8');
    const notImage = await post(
      '198.51.100.22',
      citizenForm(fields, [{ name: 'x.jpg', data: text, type: 'image/jpeg' }]),
    );
    expect(notImage.status).toBe(400);
    expect(notImage.body.error?.code).toBe('PHOTO_NOT_IMAGE');
    expect(notImage.body.error?.message.length).toBeGreaterThan(10);

    for (const reason of ['citizen_photo_too_large', 'citizen_photo_not_image']) {
      const rows = await waitFor(
        async () => {
          const r = await deadLetters(reason);
          return r.length > 0 ? r : undefined;
        },
        10_000,
        `${reason} dead letter`,
      );
      for (const r of rows) {
        const kept = `${r.payload ?? ''} ${r.detail ?? ''}`;
        expect(kept).not.toContain('0905');
        expect(kept.replace(/\s/g, '')).not.toContain(PHONE.replace(/\s/g, ''));
        expect(kept).not.toContain('Đây không phải là ảnh');
        expect(kept.length).toBeLessThan(2_000);
      }
    }
  });

  it('takes reports from an app key (bearer or X-Api-Key) and refuses a wrong key with 401', async () => {
    const made = await callApi(
      platform.httpUrl,
      'POST',
      '/api/v1/citizen/apps',
      platform.adminToken,
      {
        id: 'da-nang-smart-city',
        name: 'Ứng dụng Đà Nẵng Smart City',
      },
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { key } = citizenAppCreatedSchema.parse(made.body);
    expect(key).toMatch(/^ioca_/);
    const body = (i: number) => ({ ...report(i), externalId: `dnsc-${String(i)}` });

    const viaBearer = await post('198.51.100.30', body(3), '/api/v1/citizen/app-reports', {
      authorization: `Bearer ${key}`,
    });
    expect(viaBearer.status, JSON.stringify(viaBearer.body)).toBe(201);
    const viaHeader = await post(
      '198.51.100.30',
      body(wards.length + 5),
      '/api/v1/citizen/app-reports',
      {
        'x-api-key': key,
      },
    );
    expect(viaHeader.status, JSON.stringify(viaHeader.body)).toBe(201);
    const source = await platform.ctx.pool.query<{ source: string }>(
      'SELECT source FROM citizen_report WHERE code = $1',
      [viaHeader.body.code],
    );
    expect(source.rows[0]?.source).toBe('app:da-nang-smart-city');

    const wrong = await post('198.51.100.30', body(7), '/api/v1/citizen/app-reports', {
      authorization: `Bearer ${key}x`,
    });
    expect(wrong.status).toBe(401);
    const none = await post('198.51.100.30', body(8), '/api/v1/citizen/app-reports');
    expect(none.status).toBe(401);
  });
});

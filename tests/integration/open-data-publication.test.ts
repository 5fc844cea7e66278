/**
 * Open data, publication control (issue 17 item 1; embedded, access control on): an
 * administrator reads what is published (nothing by default), switches device kinds, devices,
 * metrics and indicators, and sets position rounding and the licence; each change is audited;
 * other roles get 403 and anonymous callers 401; a bad body is 400 naming every bad path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, publicationStateSchema, type PublicationState } from '@ioc/contracts';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('open data: publication control (embedded)', () => {
  let platform: TestPlatform;

  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await platform.api(
      path,
      {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      },
      token,
    );
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const state = async (): Promise<PublicationState> => {
    const r = await send('GET', '/api/v1/open-data/publication');
    expect(r.status).toBe(200);
    return publicationStateSchema.parse(r.body);
  };
  const auditRows = async (action: string) =>
    (
      await platform.ctx.pool.query<{ actor: string; detail: Record<string, unknown> }>(
        'SELECT actor, detail FROM audit_log WHERE action = $1 ORDER BY id',
        [action],
      )
    ).rows;

  beforeAll(async () => {
    platform = await startTestPlatform();
    await platform.addDevice({ id: 'od-pub-1', kind: 'energy' });
    await platform.addDevice({ id: 'od-pub-2', kind: 'energy' });
    // Devices registered after start: the snapshot is read again on demand.
    await platform.ctx.openData.publication.refresh();
  }, 180_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('publishes nothing by default, yet lists every subject with its switch', async () => {
    const s = await state();
    expect(s.devices.length).toBeGreaterThan(2);
    expect(s.metrics.length).toBeGreaterThan(0);
    expect(s.indicators.length).toBeGreaterThan(0);
    for (const list of [s.deviceKinds, s.devices, s.metrics, s.indicators]) {
      expect(list.filter((x) => x.public)).toEqual([]);
    }
    expect(s.deviceKinds.find((k) => k.key === 'energy')).toEqual({
      key: 'energy',
      devices: 2,
      public: false,
    });
    expect(s.settings.positionDecimals).toBe(3);
  });

  it('applies switches (a device overrides its kind), audits them, and refreshes the snapshot', async () => {
    const before = await state();
    const indicator = before.indicators[0]?.code ?? '';
    const r = await send('PUT', '/api/v1/open-data/publication', {
      entries: [
        { subject: 'device_kind', key: 'energy', public: true },
        { subject: 'device', key: 'od-pub-2', public: false },
        { subject: 'metric', key: 'pm25', public: true },
        { subject: 'indicator', key: indicator, public: true },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const s = publicationStateSchema.parse(r.body);
    expect(s.devices.filter((d) => d.public).map((d) => d.id)).toEqual(['od-pub-1']);
    expect(s.devices.find((d) => d.id === 'od-pub-2')).toMatchObject({ own: false, public: false });
    expect(s.metrics.filter((m) => m.public).map((m) => m.code)).toEqual(['pm25']);
    expect(s.indicators.filter((i) => i.public).map((i) => i.code)).toEqual([indicator]);
    expect(await state()).toEqual(s);

    const snapshot = platform.ctx.openData.publication.current();
    expect([...snapshot.devices]).toEqual(['od-pub-1']);
    expect([...snapshot.metrics]).toEqual(['pm25']);
    expect([...snapshot.indicators]).toEqual([indicator]);

    const audits = await auditRows('open_data.publication.update');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail.changes).toEqual([
      { subject: 'device_kind', key: 'energy', before: null, after: true },
      { subject: 'device', key: 'od-pub-2', before: null, after: false },
      { subject: 'metric', key: 'pm25', before: null, after: true },
      { subject: 'indicator', key: indicator, before: null, after: true },
    ]);

    // `public: null` removes the device's own row: it follows its public kind again.
    const back = await send('PUT', '/api/v1/open-data/publication', {
      entries: [{ subject: 'device', key: 'od-pub-2', public: null }],
    });
    const after = publicationStateSchema.parse(back.body);
    expect(after.devices.filter((d) => d.public).map((d) => d.id)).toEqual([
      'od-pub-1',
      'od-pub-2',
    ]);
    expect(platform.ctx.openData.publication.current().devices.has('od-pub-2')).toBe(true);
  });

  it('sets position rounding and the licence, audited; refuses out-of-range values', async () => {
    const r = await send('PATCH', '/api/v1/open-data/settings', {
      positionDecimals: 2,
      licenceId: 'ODC-BY-1.0',
      licenceUrl: 'https://opendatacommons.org/licenses/by/1-0/',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(publicationStateSchema.parse(r.body).settings).toMatchObject({
      positionDecimals: 2,
      licenceId: 'ODC-BY-1.0',
    });
    expect(platform.ctx.openData.publication.current().positionDecimals).toBe(2);
    expect((await state()).settings.licenceUrl).toBe(
      'https://opendatacommons.org/licenses/by/1-0/',
    );
    const audits = await auditRows('open_data.settings.update');
    expect(audits.at(-1)?.detail).toMatchObject({
      before: { positionDecimals: 3, licenceId: 'CC-BY-4.0' },
      after: { positionDecimals: 2, licenceId: 'ODC-BY-1.0' },
    });

    const bad = await send('PATCH', '/api/v1/open-data/settings', {
      positionDecimals: 9,
      licenceUrl: 'not a url',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const paths = apiErrorSchema.parse(bad.body).error.details?.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['positionDecimals', 'licenceUrl']));
    expect(paths?.length).toBe(3);
  });

  it('answers 400 naming every bad path of a bad body, and changes nothing', async () => {
    const before = await state();
    const bad = await send('PUT', '/api/v1/open-data/publication', {
      entries: [
        { subject: 'planet', key: 'mars', public: true },
        { subject: 'metric', key: '', public: 'yes' },
        { subject: 'metric', key: 'pm10', public: true, extra: 1 },
      ],
    });
    expect(bad.status).toBe(400);
    const err = apiErrorSchema.parse(bad.body).error;
    expect(err.code).toBe('PUBLICATION_INVALID');
    expect(err.details?.issues.map((i) => i.path).sort()).toEqual([
      'entries.0.subject',
      'entries.1.key',
      'entries.1.public',
      'entries.2',
    ]);

    // Well-formed, but naming what does not exist: each entry named, nothing applied.
    const unknown = await send('PUT', '/api/v1/open-data/publication', {
      entries: [
        { subject: 'metric', key: 'pm10', public: true },
        { subject: 'device', key: 'no-such-device', public: true },
        { subject: 'indicator', key: 'no.such.indicator', public: true },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(apiErrorSchema.parse(unknown.body).error.details?.issues.map((i) => i.path)).toEqual([
      'entries.1.key',
      'entries.2.key',
    ]);
    expect(await state()).toEqual(before);
  });

  it('is for administrators only: 403 for other roles, 401 without a session', async () => {
    const operator = await platform.loginAs('province_operator', ['48']);
    const leader = await platform.loginAs('ward_leader', ['20314']);
    for (const token of [operator, leader]) {
      expect((await send('GET', '/api/v1/open-data/publication', undefined, token)).status).toBe(
        403,
      );
      expect(
        (
          await send(
            'PUT',
            '/api/v1/open-data/publication',
            { entries: [{ subject: 'metric', key: 'pm10', public: true }] },
            token,
          )
        ).status,
      ).toBe(403);
      expect(
        (await send('PATCH', '/api/v1/open-data/settings', { positionDecimals: 0 }, token)).status,
      ).toBe(403);
    }
    const anonymous = await fetch(`${platform.httpUrl}/api/v1/open-data/publication`);
    expect(anonymous.status).toBe(401);
    expect((await state()).metrics.find((m) => m.code === 'pm10')?.public).toBe(false);
  });
});

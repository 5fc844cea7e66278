import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisposableDb } from '@ioc/db';
import { CitizenCaseService } from '../services/citizen-case.service';
import { CitizenIntakeService } from '../services/citizen-intake.service';
import { CitizenPublicService } from '../services/citizen-public.service';
import {
  PROVINCE,
  auditSpy,
  citizenTestDb,
  clock,
  fakeLocator,
  fakeOffices,
  fakeUnits,
  phonePhoto,
  resident,
  type TestActor,
} from '../testing/fakes';

// Values that must never leave through a public view, each distinctive enough to be searched
// for in the serialised answers.
const SECRETS = {
  name: 'Nguyễn Bí Mật',
  phone: '0905111222',
  clientKey: 'client-hash-7f3a9c',
  source: 'app:hue-s-secret',
  externalId: 'ext-4471-secret',
  assignee: 'operator.secret',
  lat: '16.054449',
  lon: '108.202251',
};

describe('public views never carry personal data', () => {
  let db: DisposableDb;
  const answers: { route: string; body: unknown }[] = [];

  beforeAll(async () => {
    db = await citizenTestDb();
    const time = clock('2026-03-03T02:00:00Z');
    const deps = { units: fakeUnits, provinceCode: PROVINCE, audit: auditSpy(), now: time.now };
    const intake = new CitizenIntakeService<TestActor>(db, { ...deps, locator: fakeLocator });
    const cases = new CitizenCaseService<TestActor>(db, { ...deps, offices: fakeOffices });
    const pub = new CitizenPublicService(db, { units: fakeUnits, now: time.now });
    const app = { actor: SECRETS.source, displayName: 'Hue-S' };
    const submitted = await intake.submit(
      {
        category: 'ngap_nuoc',
        description: 'Ngập sâu 40 cm ở ngã tư',
        lat: Number(SECRETS.lat),
        lon: Number(SECRETS.lon),
        name: SECRETS.name,
        phone: SECRETS.phone,
      },
      [{ data: await phonePhoto() }],
      { clientKey: SECRETS.clientKey, source: SECRETS.source, externalId: SECRETS.externalId },
      app,
    );
    answers.push({ route: 'submit', body: submitted });
    const id = (await cases.list({ limit: 1, offset: 0 })).items[0]?.id ?? '';
    const operator = { actor: SECRETS.assignee, displayName: 'Cán bộ' };
    await cases.assign(id, { officeId: '20314.vh-xh', assignee: SECRETS.assignee }, operator);
    answers.push({ route: 'track (assigned)', body: await pub.track(submitted.code) });
    answers.push({ route: 'map (open)', body: await pub.map({ status: 'open' }) });
    await cases.comment(id, { note: `Gọi ${SECRETS.phone}` }, operator);
    await cases.start(id, operator);
    await cases.resolve(id, { note: 'Đã thông cống' }, [{ data: await phonePhoto() }], operator);
    answers.push({ route: 'track (resolved)', body: await pub.track(submitted.code) });
    answers.push({ route: 'map (resolved)', body: await pub.map({ status: 'resolved' }) });
    answers.push({
      route: 'rate',
      body: await cases.rate(submitted.code, { rating: 4 }, resident),
    });
    answers.push({
      route: 'reopen',
      body: await cases.reopen(submitted.code, { reason: 'Vẫn còn ngập' }, resident),
    });
    answers.push({ route: 'categories', body: await pub.categories() });
  }, 60_000);
  afterAll(() => db.close());

  it('serves every public answer without name, phone, client, source, assignee or exact position', () => {
    expect(answers).toHaveLength(8);
    for (const { route, body } of answers) {
      const json = JSON.stringify(body);
      for (const [what, secret] of Object.entries(SECRETS)) {
        expect(json.includes(secret), `${route} leaks ${what}`).toBe(false);
      }
      expect(json, route).not.toMatch(/reporter|assignee|clientKey|"source"/);
    }
  });

  it('rounds positions to 3 decimals and keeps internal notes off the tracking page', () => {
    const track = answers.find((a) => a.route === 'track (resolved)')?.body as {
      lat: number;
      lon: number;
      events: { kind: string }[];
      photos: { kind: string }[];
    };
    expect([track.lat, track.lon]).toEqual([16.054, 108.202]);
    expect(track.events.map((e) => e.kind)).toEqual([
      'received',
      'assigned',
      'started',
      'resolved',
    ]);
    expect(track.photos.map((p) => p.kind)).toEqual(['report', 'resolution']);
    const map = answers.find((a) => a.route === 'map (resolved)')?.body as {
      items: Record<string, unknown>[];
    };
    expect(map.items).toHaveLength(1);
    expect(Object.keys(map.items[0] ?? {}).sort()).toEqual(
      ['category', 'lat', 'lon', 'receivedAt', 'resolvedAt', 'status', 'unitCode'].sort(),
    );
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type CitizenChanged, type CitizenSubmitFields } from '@ioc/contracts';
import type { DisposableDb } from '@ioc/db';
import {
  AN_HAI,
  DONG_NAI,
  HAI_CHAU,
  OFFSHORE,
  PROVINCE,
  auditSpy,
  citizenTestDb,
  clock,
  fakeLocator,
  fakeUnits,
  one,
  phonePhoto,
  resetCitizen,
  resident,
  type TestActor,
} from '../testing/fakes';
import { CitizenIntakeService } from './citizen-intake.service';

const web = { clientKey: 'ip-hash-1', source: 'web' };
const fields = (over: Partial<CitizenSubmitFields> = {}): CitizenSubmitFields => ({
  category: 'den_duong',
  description: 'Đèn đường trước số 12 Trần Phú tắt ba đêm nay',
  ...HAI_CHAU,
  ...over,
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
}

describe('CitizenIntakeService', () => {
  let db: DisposableDb;
  let audit: ReturnType<typeof auditSpy>;
  let changes: CitizenChanged[];
  let time: ReturnType<typeof clock>;
  let intake: CitizenIntakeService<TestActor>;

  beforeAll(async () => {
    db = await citizenTestDb();
  }, 60_000);
  afterAll(() => db.close());

  beforeEach(async () => {
    await resetCitizen(db);
    audit = auditSpy();
    changes = [];
    // Friday 13/2/2026, 10:00 in Vietnam: the last working day before Tết Bính Ngọ.
    time = clock('2026-02-13T03:00:00Z');
    intake = new CitizenIntakeService(db, {
      units: fakeUnits,
      locator: fakeLocator,
      provinceCode: PROVINCE,
      audit,
      now: time.now,
      onChanged: (c) => changes.push(c),
    });
  });

  it('opens a case in the ward of the point, due after Tết by the seeded calendar', async () => {
    const answer = await intake.submit(
      fields({ name: ' Nguyễn Văn A ', phone: '0905 123 456' }),
      [],
      web,
      resident,
    );
    // Den_duong: 3 working days; Tết 14–22/2 → Mon 23 (1), Tue 24 (2), Wed 25 (3).
    expect(answer).toMatchObject({
      status: 'received',
      duplicateOf: false,
      unitCode: '20314',
      unitName: 'Phường Hải Châu',
      deadlineAt: new Date('2026-02-25T23:59:59.999+07:00').toISOString(),
    });
    expect(answer.code).toMatch(/^PA[0-9A-HJKMNP-TV-Z]{10}$/);
    const row = await one<{ reporter_name: string; reporter_phone: string; source: string }>(
      db,
      'SELECT reporter_name, reporter_phone, source FROM citizen_report WHERE code = $1',
      [answer.code],
    );
    expect(row).toEqual({
      reporter_name: 'Nguyễn Văn A',
      reporter_phone: '0905123456',
      source: 'web',
    });
    const event = await one<{ kind: string; public: boolean }>(
      db,
      'SELECT kind, public FROM citizen_event',
    );
    expect(event).toEqual({ kind: 'received', public: true });
    expect(audit.events).toHaveLength(1);
    expect(audit.events[0]).toMatchObject({ action: 'citizen.submit', unitCode: '20314' });
    expect(JSON.stringify(audit.events)).not.toContain('0905123456');
    expect(changes).toMatchObject([{ code: answer.code, unitCode: '20314', status: 'received' }]);
  });

  it('stores photos re-encoded, without the EXIF GPS the phone wrote', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { code } = await intake.submit(fields(), [{ data: photo }], web, resident);
    const stored = await one<{ data: Uint8Array; content_type: string }>(
      db,
      `SELECT p.data, p.content_type FROM citizen_photo p
       JOIN citizen_report r ON r.id = p.report_id WHERE r.code = $1`,
      [code],
    );
    const meta = await sharp(Buffer.from(stored.data)).metadata();
    expect(stored.content_type).toBe('image/jpeg');
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(stored.data).includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('refuses points outside the province, offshore, and bad input, storing nothing', async () => {
    expect(await codeOf(intake.submit(fields(DONG_NAI), [], web, resident))).toBe(
      'OUTSIDE_PROVINCE',
    );
    expect(await codeOf(intake.submit(fields(OFFSHORE), [], web, resident))).toBe(
      'OUTSIDE_PROVINCE',
    );
    expect(await codeOf(intake.submit(fields({ category: 'nope' }), [], web, resident))).toBe(
      'CATEGORY_UNKNOWN',
    );
    expect(await codeOf(intake.submit(fields({ description: 'ngắn' }), [], web, resident))).toBe(
      'DESCRIPTION_LENGTH',
    );
    expect(await codeOf(intake.submit(fields({ phone: '123' }), [], web, resident))).toBe(
      'PHONE_INVALID',
    );
    const text = { data: Buffer.from('not an image at all'), filename: 'a.jpg' };
    expect(await codeOf(intake.submit(fields(), [text], web, resident))).toBe('PHOTO_NOT_IMAGE');
    await db.query(`UPDATE citizen_category SET active = false WHERE code = 'khac'`);
    expect(await codeOf(intake.submit(fields({ category: 'khac' }), [], web, resident))).toBe(
      'CATEGORY_UNKNOWN',
    );
    expect((await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM citizen_report')).n).toBe(
      0,
    );
    expect(await intake.locate(DONG_NAI.lat, DONG_NAI.lon)).toEqual({
      inside: false,
      unitCode: null,
      unitName: null,
    });
    expect(await intake.locate(AN_HAI.lat, AN_HAI.lon)).toEqual({
      inside: true,
      unitCode: '20275',
      unitName: 'Phường An Hải',
    });
  });

  it('links a submission within 50 m and 48 h to the open case and answers its code', async () => {
    const first = await intake.submit(fields(), [], web, resident);
    time.set('2026-02-14T03:00:00Z');
    // ~33 m north of the first point.
    const near = { lat: HAI_CHAU.lat + 0.0003, lon: HAI_CHAU.lon };
    const second = await intake.submit(fields(near), [], { ...web, clientKey: 'ip-2' }, resident);
    expect(second).toMatchObject({
      code: first.code,
      duplicateOf: true,
      deadlineAt: first.deadlineAt,
    });
    const original = await one<{ supporters: number }>(
      db,
      'SELECT supporters FROM citizen_report WHERE code = $1',
      [first.code],
    );
    expect(original.supporters).toBe(1);
    const kinds = await db.query<{ kind: string }>('SELECT kind FROM citizen_event ORDER BY id');
    expect(kinds.rows.map((r) => r.kind)).toEqual(['received', 'duplicate_linked']);
    const rows = await one<{ n: number; dups: number }>(
      db,
      'SELECT count(*)::int AS n, count(duplicate_of)::int AS dups FROM citizen_report',
    );
    expect(rows).toEqual({ n: 2, dups: 1 });
  });

  it('opens a new case beyond 50 m, for another category, or after 48 h', async () => {
    const first = await intake.submit(fields(), [], web, resident);
    const far = { lat: HAI_CHAU.lat + 0.0006, lon: HAI_CHAU.lon }; // ~67 m
    expect((await intake.submit(fields(far), [], web, resident)).code).not.toBe(first.code);
    const other = await intake.submit(fields({ category: 'rac_thai' }), [], web, resident);
    expect(other).toMatchObject({ duplicateOf: false });
    time.set('2026-02-15T03:00:01Z'); // 48 h and a second later
    const late = await intake.submit(fields(), [], web, resident);
    expect(late).toMatchObject({ duplicateOf: false });
    expect(late.code).not.toBe(first.code);
  });

  it("answers an app's resubmission of the same externalId with the same case", async () => {
    const app = { clientKey: 'app:hue-s', source: 'app:hue-s', externalId: 'HS-991' };
    const a = await intake.submit(fields(), [], app, { actor: 'app:hue-s' } as TestActor);
    const b = await intake.submit(fields(AN_HAI), [], app, { actor: 'app:hue-s' } as TestActor);
    expect(b.code).toBe(a.code);
    expect((await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM citizen_report')).n).toBe(
      1,
    );
  });
});

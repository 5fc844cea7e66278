import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import type { DisposableDb } from '@ioc/db';
import { auditSpy, citizenTestDb, operator, type TestActor } from '../testing/fakes';
import { CitizenAppService } from './citizen-app.service';
import { CitizenCategoryService } from './citizen-category.service';
import { WorkHolidayService } from './work-holiday.service';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
}

describe('holidays, categories and app keys (admin)', () => {
  let db: DisposableDb;
  const audit = auditSpy();

  beforeAll(async () => {
    db = await citizenTestDb();
  }, 60_000);
  afterAll(() => db.close());

  it('lists the seeded 2026 holidays and edits a year', async () => {
    const holidays = new WorkHolidayService<TestActor>(db, audit);
    const y2026 = await holidays.list(2026);
    // 1/1, 9 days of Tết, Giỗ Tổ + day in lieu, 30/4, 1/5, 1–2/9.
    expect(y2026.items).toHaveLength(16);
    expect(y2026.items.filter((h) => h.nameVi.startsWith('Tết Nguyên đán'))).toHaveLength(9);
    expect(y2026.items[0]).toEqual({
      day: '2026-01-01',
      nameVi: 'Tết Dương lịch',
      nameEn: "New Year's Day",
    });

    // A day added moves deadlines computed afterwards: Fri 6/3/2026 + 1 working day.
    const before = (await holidays.calendar()).addWorkingDays('2026-03-06', 1);
    expect(before).toBe('2026-03-09');
    await holidays.put(
      '2026-03-09',
      { nameVi: 'Nghỉ đột xuất', nameEn: 'Extra day off' },
      operator,
    );
    expect((await holidays.calendar()).addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
    await holidays.remove('2026-03-09', operator);
    expect(await codeOf(holidays.remove('2026-03-09', operator))).toBe('HOLIDAY_NOT_FOUND');

    const replaced = await holidays.replaceYear(
      2027,
      [{ day: '2027-01-01', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" }],
      operator,
    );
    expect(replaced).toBe(1);
    expect((await holidays.list(2027)).items.map((h) => h.day)).toEqual(['2027-01-01']);
    expect(
      await codeOf(
        holidays.replaceYear(2027, [{ day: '2028-01-01', nameVi: 'x', nameEn: 'x' }], operator),
      ),
    ).toBe('HOLIDAY_YEAR');
    expect(audit.events.map((e) => e.action)).toContain('citizen.holiday.replace_year');
  });

  it('adds categories, deactivates used ones and deletes unused ones', async () => {
    const categories = new CitizenCategoryService<TestActor>(db, audit);
    expect((await categories.list()).items.map((c) => c.code)).toEqual([
      'den_duong',
      'ngap_nuoc',
      'rac_thai',
      'lan_chiem',
      'tieng_on',
      'duong_hu_hong',
      'cay_xanh',
      'an_ninh',
      'khac',
    ]);
    const put = { nameVi: 'Cháy nổ', nameEn: 'Fire', icon: '🔥', deadlineDays: 1, active: true };
    expect(await categories.put('chay_no', put, operator)).toMatchObject({
      code: 'chay_no',
      deadlineDays: 1,
    });
    expect((await categories.list()).items.at(-1)?.code).toBe('chay_no');
    await categories.remove('chay_no', operator);
    expect(
      (await categories.list({ includeInactive: true })).items.map((c) => c.code),
    ).not.toContain('chay_no');
    await db.query(
      `INSERT INTO citizen_report (code, category_code, description, lat, lon, unit_code, client_key,
         source, received_at, deadline_at)
       VALUES ('PA0000000001', 'tieng_on', 'Ồn ào quá khuya', 16, 108, '20314', 'k', 'web', now(), now())`,
    );
    await categories.remove('tieng_on', operator);
    expect((await categories.list()).items.map((c) => c.code)).not.toContain('tieng_on');
    expect(
      (await categories.list({ includeInactive: true })).items.find((c) => c.code === 'tieng_on'),
    ).toMatchObject({
      active: false,
    });
    expect(await codeOf(categories.remove('nope', operator))).toBe('CATEGORY_NOT_FOUND');
  });

  it('shows an app key once, keeps only its hash, verifies and revokes it', async () => {
    const apps = new CitizenAppService<TestActor>(db, audit);
    const created = await apps.create({ id: 'hue-s', name: 'Hue-S' }, operator);
    expect(created.key).toMatch(/^ioca_[A-Za-z0-9_-]{43}$/);
    const stored = await db.query<{ key_hash: string }>(`SELECT key_hash FROM citizen_app`);
    expect(stored.rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(created.key);
    expect(JSON.stringify(await apps.list())).not.toContain(created.key);
    expect(await apps.verify(created.key)).toEqual({ id: 'hue-s', name: 'Hue-S' });
    const tampered = created.key.slice(0, -1) + (created.key.endsWith('A') ? 'B' : 'A');
    expect(await apps.verify(tampered)).toBeNull();
    expect(await apps.verify('ioca_short')).toBeNull();
    expect(await codeOf(apps.create({ id: 'hue-s', name: 'again' }, operator))).toBe(
      'CITIZEN_APP_EXISTS',
    );
    await apps.revoke('hue-s', operator);
    expect(await apps.verify(created.key)).toBeNull();
    expect((await apps.list()).items[0]?.revokedAt).not.toBeNull();
  });
});

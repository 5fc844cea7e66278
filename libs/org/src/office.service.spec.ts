import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type AuditEvent } from '@ioc/contracts';
import { OfficeService } from './office.service';
import { createTestDb, type TestDb } from './testing/pglite';

const TREE: Record<string, string[]> = {
  '48': ['48', '20275', '20314'],
  '20275': ['20275'],
  '20314': ['20314'],
};
const units = {
  exists: (code: string) => Promise.resolve(code in TREE),
  selfAndDescendants: (code: string) => Promise.resolve(TREE[code] ?? []),
};
const admin = { actor: 'admin' };

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => new Error('expected a DomainError'),
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw err;
  return err;
}

describe('OfficeService (PGlite)', () => {
  let db: TestDb;
  let events: AuditEvent[];
  let service: OfficeService<typeof admin>;

  beforeAll(async () => {
    db = await createTestDb();
  }, 60_000);
  beforeEach(async () => {
    // One database per file (migrations take seconds); each test starts from no offices.
    await db.query('DELETE FROM office_member');
    await db.query('DELETE FROM office');
    events = [];
    service = new OfficeService(db, units, {
      record: (_a, e) => {
        events.push(e);
        return Promise.resolve();
      },
    });
  });
  afterAll(async () => {
    await db.close();
  });

  const vhxh = {
    unitCode: '20275',
    nameVi: 'Phòng Văn hóa – Xã hội',
    kind: 'culture_society',
    isCompiler: true,
  } as const;

  it('creates an office with a slug id, lists it under its unit and the province, audits', async () => {
    const o = await service.create(vhxh, admin);
    expect(o).toMatchObject({ id: '20275.phong-van-hoa-xa-hoi', isCompiler: true, members: [] });
    expect((await service.list({ unit: '48' })).map((x) => x.id)).toEqual([o.id]);
    expect(await service.list({ unit: '20314' })).toEqual([]);
    expect(events).toMatchObject([{ action: 'office.create', targetId: o.id, unitCode: '20275' }]);
    expect((await failure(service.create(vhxh, admin))).code).toBe('OFFICE_EXISTS');
  });

  it('refuses an unknown unit and an id of another unit', async () => {
    expect((await failure(service.create({ ...vhxh, unitCode: '99999' }, admin))).code).toBe(
      'UNIT_UNKNOWN',
    );
    expect((await failure(service.create({ ...vhxh, id: '20314.vh-xh' }, admin))).code).toBe(
      'OFFICE_ID_INVALID',
    );
  });

  it('keeps a user in one office at most', async () => {
    const a = await service.create(vhxh, admin);
    const b = await service.create(
      { unitCode: '20275', nameVi: 'Công an phường', kind: 'police', isCompiler: false },
      admin,
    );
    await service.setMember(a.id, { username: 'lan', remove: false }, admin);
    const after = await service.setMember(b.id, { username: 'lan', remove: false }, admin);
    expect(after.members).toEqual(['lan']);
    expect((await service.get(a.id)).members).toEqual([]);
    expect((await service.officeOf('lan'))?.id).toBe(b.id);
    expect(events.at(-1)).toMatchObject({ action: 'office.member.add', detail: { left: a.id } });
    await service.setMember(b.id, { username: 'lan', remove: true }, admin);
    expect(await service.officeOf('lan')).toBeNull();
  });

  it('retires and hides an office; a retired office takes no members', async () => {
    const o = await service.create(vhxh, admin);
    const retired = await service.update(o.id, { retired: true, email: 'vhxh@anhai.vn' }, admin);
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.email).toBe('vhxh@anhai.vn');
    expect(await service.list({ unit: '20275' })).toEqual([]);
    expect(await service.list({ unit: '20275', includeRetired: true })).toHaveLength(1);
    expect(
      (await failure(service.setMember(o.id, { username: 'x', remove: false }, admin))).code,
    ).toBe('OFFICE_RETIRED');
  });

  it('ensures the office of a single-agency lead once, none for several', async () => {
    expect(await service.ensureForLead('48', 'Sở Khoa học và Công nghệ')).toBe(
      '48.so-khoa-hoc-va-cong-nghe',
    );
    expect(await service.ensureForLead('48', 'Sở Khoa học và công nghệ')).toBe(
      '48.so-khoa-hoc-va-cong-nghe',
    );
    expect(await service.ensureForLead('48', 'Sở Tài chính; Sở Nội vụ')).toBeNull();
    expect(await service.list({})).toHaveLength(1);
  });
});

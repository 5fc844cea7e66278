import sharp from 'sharp';
import type { AuditEvent } from '@ioc/contracts';
import { createMigratedPglite, type DisposableDb, type Queryable } from '@ioc/db';
import type { CitizenActor, CitizenOffices, CitizenUnits, UnitLocator } from '../ports';

// Test-only: Đà Nẵng (48) with two wards, and Đồng Nai (75) with one commune outside it; a
// locator by longitude bands; offices of the wards and a department of the province.

const TREE: Record<string, { name: string; parent: string | null; level: string }> = {
  '48': { name: 'Thành phố Đà Nẵng', parent: null, level: 'province' },
  '20314': { name: 'Phường Hải Châu', parent: '48', level: 'ward' },
  '20275': { name: 'Phường An Hải', parent: '48', level: 'ward' },
  '75': { name: 'Tỉnh Đồng Nai', parent: null, level: 'province' },
  '26041': { name: 'Phường Trấn Biên', parent: '75', level: 'ward' },
};

export const PROVINCE = '48';
/** Points in each unit (the fake locator's bands). */
export const HAI_CHAU = { lat: 16.0544, lon: 108.2022 };
export const AN_HAI = { lat: 16.0614, lon: 108.2345 };
export const DONG_NAI = { lat: 10.955, lon: 106.855 };
export const OFFSHORE = { lat: 16.2, lon: 109.5 };

export const fakeUnits: CitizenUnits = {
  get: (code) => {
    const u = TREE[code];
    return Promise.resolve(u ? { name: u.name, parentCode: u.parent } : null);
  },
  childrenOf: (code) => Promise.resolve(Object.keys(TREE).filter((c) => TREE[c]?.parent === code)),
  selfAndDescendants: (code) =>
    Promise.resolve(
      code in TREE ? [code, ...Object.keys(TREE).filter((c) => TREE[c]?.parent === code)] : [],
    ),
};

export const fakeLocator: UnitLocator = {
  locate: (lon, lat) => {
    if (lat > 15.9 && lat < 16.2 && lon > 108.1 && lon < 108.22) return Promise.resolve('20314');
    if (lat > 15.9 && lat < 16.2 && lon >= 108.22 && lon < 108.3) return Promise.resolve('20275');
    if (lat > 10.8 && lat < 11.1 && lon > 106.7 && lon < 107) return Promise.resolve('26041');
    return Promise.resolve(null);
  },
};

export const OFFICES: Record<string, { unit: string; name: string }> = {
  '20314.vh-xh': { unit: '20314', name: 'Phòng Văn hóa – Xã hội phường Hải Châu' },
  '20275.vh-xh': { unit: '20275', name: 'Phòng Văn hóa – Xã hội phường An Hải' },
  '48.so-xd': { unit: '48', name: 'Sở Xây dựng' },
};

export const fakeOffices: CitizenOffices = {
  unitOf: (id) => Promise.resolve(OFFICES[id]?.unit),
  namesOf: (ids) =>
    Promise.resolve(
      new Map(ids.flatMap((id) => (OFFICES[id] ? [[id, OFFICES[id].name] as const] : []))),
    ),
};

/** A migrated PGlite holding the units and offices above (citizen_report references both). */
export async function citizenTestDb(): Promise<DisposableDb> {
  const db = await createMigratedPglite();
  for (const [code, u] of Object.entries(TREE)) {
    await db.query(
      `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
       VALUES ($1, $2, $2, $3, $4, lower($2))`,
      [code, u.name, u.level, u.parent],
    );
  }
  for (const [id, o] of Object.entries(OFFICES)) {
    await db.query('INSERT INTO office (id, unit_code, name_vi) VALUES ($1, $2, $3)', [
      id,
      o.unit,
      o.name,
    ]);
  }
  return db;
}

export interface TestActor extends CitizenActor {
  actor: string;
  displayName: string;
}
export const operator: TestActor = { actor: 'op.haichau', displayName: 'Trần Thị Vận Hành' };
export const resident: TestActor = { actor: 'resident', displayName: 'Người dân' };

export function auditSpy(): {
  events: AuditEvent[];
  record: (a: TestActor, e: AuditEvent) => Promise<void>;
} {
  const events: AuditEvent[] = [];
  return {
    events,
    record: (_a, e) => {
      events.push(e);
      return Promise.resolve();
    },
  };
}

/** A settable clock. */
export function clock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => (t = new Date(iso)) };
}

/** A small JPEG carrying EXIF with GPS, as a phone writes it. */
export function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a9' } })
    .jpeg()
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 3/1 1584/100' },
    })
    .toBuffer();
}

/** Reads a value back (tests only). */
export async function one<T>(db: Queryable, sql: string, values: unknown[] = []): Promise<T> {
  const { rows } = await db.query<T & object>(sql, values);
  if (!rows[0]) throw new Error(`no row: ${sql}`);
  return rows[0];
}

/** Empties what a test writes, so one database serves a whole spec file (migrating is slow). */
export async function resetCitizen(db: Queryable): Promise<void> {
  await db.query('DELETE FROM citizen_event');
  await db.query('DELETE FROM citizen_photo');
  await db.query('UPDATE citizen_report SET duplicate_of = NULL');
  await db.query('DELETE FROM citizen_report');
  await db.query('DELETE FROM citizen_app');
  await db.query('UPDATE citizen_category SET active = true');
}

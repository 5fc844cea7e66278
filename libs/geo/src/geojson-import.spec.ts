import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeoJsonPaths, readGeoJsonDirectory, readGeoJsonFile } from './geojson-files';
import { importGeoJson, type GeoJsonSource } from './geojson-import';
import { boundaryPath, realWards, seedUnits } from './testing/shared-data';
import type { UnitRecord } from './types';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

const ward = (
  props: Record<string, unknown>,
  geometry: unknown = { type: 'Polygon', coordinates: [square(108.2, 16, 0.01)] },
) => ({
  type: 'Feature',
  properties: props,
  geometry,
});

const collection = (...features: unknown[]): GeoJsonSource => ({
  name: 'test.geojson',
  data: { type: 'FeatureCollection', features },
});

let seed: UnitRecord[] = [];
beforeAll(async () => {
  seed = await seedUnits();
}, 60_000);

// Real files: generous limits because CI machines are shared; the work itself takes ~1-2 s.
describe('importGeoJson on the real boundary files', { timeout: 60_000 }, () => {
  it('reads 94 Đà Nẵng units under 48 and 95 Đồng Nai units under 75', async () => {
    const [dn, dnai] = await Promise.all([realWards('48_da_nang'), realWards('75_dong_nai')]);
    expect(dn).toHaveLength(94);
    expect(dnai).toHaveLength(95);
    expect(new Set(dn.map((u) => u.parentCode))).toEqual(new Set(['48']));
    expect(new Set(dnai.map((u) => u.parentCode))).toEqual(new Set(['75']));
    const levels = (us: UnitRecord[]) =>
      us.reduce<Record<string, number>>((m, u) => ({ ...m, [u.level]: (m[u.level] ?? 0) + 1 }), {});
    expect(levels(dnai)).toEqual({ ward: 33, commune: 62 });
    expect(levels(dn).special_zone).toBe(1);
    expect(dn.find((u) => u.code === '20333')).toMatchObject({
      name: 'Đặc khu Hoàng Sa',
      shortName: 'Hoàng Sa',
      nameEn: 'Paracel',
      level: 'special_zone',
      areaKm2: 350,
    });
    expect(dn.find((u) => u.code === '20314')).toMatchObject({
      name: 'Phường Hoà Xuân',
      level: 'ward',
    });
  });

  it('puts every label point inside its own unit (independent oracle)', async () => {
    for (const u of [...(await realWards('48_da_nang')), ...(await realWards('75_dong_nai'))]) {
      expect(booleanPointInPolygon(u.label, u.geometry), u.code).toBe(true);
    }
  });

  it('accepts province and wards together, with every ward inside its province', async () => {
    const r = await importGeoJsonPaths(
      [boundaryPath('48_da_nang', 'province'), boundaryPath('48_da_nang', 'wards')],
      {
        codeTable: seed,
      },
    );
    expect(r.ok ? r.units.length : r.errors).toBe(95);
    if (r.ok)
      expect(r.units[0]).toMatchObject({
        code: '48',
        level: 'province',
        name: 'Thành phố Đà Nẵng',
        parentCode: null,
      });
  });
});

describe('importGeoJson validation', () => {
  it('refuses a bow-tie, projected metres and a duplicate code with exactly three reasons', () => {
    const r = importGeoJson(
      collection(
        ward({ code: '20194', fullName: 'Phường Hải Vân', provinceCode: '48' }),
        ward(
          { code: '20197', fullName: 'Phường Liên Chiểu', provinceCode: '48' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [108.1, 16.0],
                [108.2, 16.1],
                [108.2, 16.0],
                [108.1, 16.1],
                [108.1, 16.0],
              ],
            ],
          },
        ),
        ward(
          { code: '20200', fullName: 'Phường Hoà Khánh', provinceCode: '48' },
          { type: 'Polygon', coordinates: [square(580000, 1780000, 500)] },
        ),
        ward({ code: '20194', fullName: 'Phường Hải Vân', provinceCode: '48' }),
      ),
      { codeTable: seed },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.featureIndex, e.code, e.reason])).toEqual([
      [1, '20197', 'self_intersection'],
      [2, '20200', 'not_wgs84'],
      [3, '20194', 'duplicate_code'],
    ]);
    expect(r.errors[1]?.message).toContain(
      'coordinates look like projected metres (VN-2000/UTM), expected WGS84 degrees',
    );
    expect(r.errors[2]?.message).toContain('feature 0');
    expect('units' in r).toBe(false);
  });

  it('refuses an unknown parent and a ward outside its province', () => {
    const province = ward(
      { code: '48', fullName: 'Thành phố Đà Nẵng' },
      { type: 'Polygon', coordinates: [square(108, 15.8, 0.5)] },
    );
    const r = importGeoJson(
      collection(
        province,
        ward({ code: '20194', fullName: 'Phường Hải Vân', provinceCode: '48' }),
        ward({ code: '20197', fullName: 'Phường Liên Chiểu', provinceCode: '99' }),
        ward(
          { code: '20200', fullName: 'Phường Hoà Khánh', provinceCode: '48' },
          { type: 'Polygon', coordinates: [square(109, 15, 0.01)] },
        ),
      ),
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.featureIndex, e.reason])).toEqual([
      [2, 'unknown_parent'],
      [3, 'outside_parent'],
    ]);
  });

  it('tolerates a ward poking out of a coarser province outline by less than the tolerance', () => {
    const province = ward(
      { code: '48', fullName: 'Thành phố Đà Nẵng' },
      { type: 'Polygon', coordinates: [square(108, 15.8, 0.5)] },
    );
    // Interior point ~550 m east of the province edge at 108.5.
    const poking = ward(
      { code: '20194', fullName: 'Phường Hải Vân', provinceCode: '48' },
      { type: 'Polygon', coordinates: [square(108.5, 16, 0.01)] },
    );
    expect(importGeoJson(collection(province, poking)).ok).toBe(true);
    expect(importGeoJson(collection(province, poking), { parentToleranceM: 100 }).ok).toBe(false);
  });

  it('reports missing fields and names without a level', () => {
    const r = importGeoJson(
      collection(
        ward({ fullName: 'Phường Hải Vân' }),
        ward({ code: '20197', name: 'Liên Chiểu', provinceCode: '48' }),
        { type: 'Point' },
      ),
      { codeTable: seed },
    );
    expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual([
      'missing_field',
      'unknown_level',
      'invalid_feature',
    ]);
  });

  it('reports a file that is not GeoJSON as a whole', () => {
    const r = importGeoJson([
      { name: 'a.json', data: { type: 'Topology' } },
      { name: 'b.json', data: null, parseError: 'Unexpected token' },
    ]);
    expect(r.ok ? [] : r.errors.map((e) => [e.source, e.reason])).toEqual([
      ['a.json', 'invalid_feature'],
      ['b.json', 'invalid_feature'],
    ]);
  });
});

describe('importGeoJson field conventions', () => {
  it('detects ma_xa/ten_xa (upper-case too), pads numeric codes and takes the parent from ma_tinh', () => {
    const r = importGeoJson(collection(ward({ MA_XA: 4, TEN_XA: 'Phường Ba Đình', MA_TINH: 1 })), {
      parents: [{ code: '01' }],
    });
    expect(r.convention).toBe('ma_xa');
    expect(r.ok && r.units[0]).toMatchObject({
      code: '00004',
      shortName: 'Ba Đình',
      level: 'ward',
      parentCode: '01',
    });
  });

  it('detects commune_code/commune_name and builds a full name from a separate level', () => {
    const r = importGeoJson(
      collection(
        ward({
          commune_code: '20314',
          commune_name: 'Hoà Xuân',
          level: 'Phường',
          province_code: '48',
        }),
      ),
      { codeTable: seed },
    );
    expect(r.convention).toBe('commune_code');
    expect(r.ok && r.units[0]).toMatchObject({
      code: '20314',
      name: 'Phường Hoà Xuân',
      shortName: 'Hoà Xuân',
    });
  });

  it('uses an explicit mapping and derives the parent from the code table', () => {
    const r = importGeoJson(
      collection(ward({ id_xa: '20314', ten: 'Phường Hoà Xuân', dt: 27.96 })),
      {
        mapping: { code: 'id_xa', name: 'ten', areaKm2: 'dt' },
        codeTable: seed,
      },
    );
    expect(r.convention).toBe('custom');
    expect(r.ok && r.units[0]).toMatchObject({ code: '20314', parentCode: '48', areaKm2: 27.96 });
  });

  it('does not read "Xà Bang" as the commune prefix "Xã"', () => {
    const r = importGeoJson(
      collection(ward({ code: '26560', name: 'Xà Bang', level: 'commune', provinceCode: '75' })),
      {
        codeTable: seed,
      },
    );
    expect(r.ok && r.units[0]).toMatchObject({ name: 'Xã Xà Bang', shortName: 'Xà Bang' });
  });
});

describe('GeoJSON file readers', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'geo-import-'));
    await writeFile(
      join(dir, 'b.geojson'),
      JSON.stringify(ward({ code: '20197', fullName: 'Phường Liên Chiểu' })),
    );
    await writeFile(
      join(dir, 'a.geojson'),
      JSON.stringify(ward({ code: '20194', fullName: 'Phường Hải Vân' })),
    );
    await writeFile(join(dir, 'notes.txt'), 'ignored');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a directory of one-feature files in name order', async () => {
    const sources = await readGeoJsonDirectory(dir);
    expect(sources.map((s) => s.name)).toEqual(['a.geojson', 'b.geojson']);
    const r = importGeoJson(sources, { codeTable: seed });
    expect(r.ok && r.units.map((u) => [u.code, u.parentCode])).toEqual([
      ['20194', '48'],
      ['20197', '48'],
    ]);
  });

  it('turns a broken file into a per-source error', async () => {
    await writeFile(join(dir, 'c.geojson'), '{"type": "Feature",');
    const r = await importGeoJsonPaths([dir], { codeTable: seed });
    expect(r.ok ? [] : r.errors.map((e) => [e.source, e.reason])).toEqual([
      ['c.geojson', 'invalid_feature'],
    ]);
    expect((await readGeoJsonFile(join(dir, 'c.geojson'))).parseError).toBeTruthy();
  });
});

describe('a province never seen before: one province file and a wards/ folder', () => {
  let dir = '';
  const WARDS = 6;
  beforeAll(async () => {
    const { mkdir, readFile } = await import('node:fs/promises');
    dir = await mkdtemp(join(tmpdir(), 'ioc-new-province-'));
    // Đồng Nai's real shapes under codes no table knows, and ward files without a parent field.
    const province = JSON.parse(
      await readFile(boundaryPath('75_dong_nai', 'province'), 'utf8'),
    ) as {
      features: { properties: Record<string, unknown> }[];
    };
    for (const f of province.features) f.properties = { code: '99', name: 'Tỉnh Mới' };
    await writeFile(join(dir, 'province.geojson'), JSON.stringify(province));
    const wards = JSON.parse(await readFile(boundaryPath('75_dong_nai', 'wards'), 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: unknown }[];
    };
    await mkdir(join(dir, 'wards'));
    for (const [i, f] of wards.features.slice(0, WARDS).entries()) {
      const code = String(99_900 + i);
      const feature = ward({ code, name: `Phường ${i}`, fullName: `Phường Số ${i}` }, f.geometry);
      await writeFile(join(dir, 'wards', `${code}.geojson`), JSON.stringify(feature));
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the sub-folder and takes the province that holds each ward as its parent', async () => {
    expect((await readGeoJsonDirectory(dir)).map((s) => s.name)).toHaveLength(WARDS + 1);
    const r = await importGeoJsonPaths([dir]);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
    expect(r.ok && r.units.filter((u) => u.level !== 'province').map((u) => u.parentCode)).toEqual(
      Array<string>(WARDS).fill('99'),
    );
  });

  it('says how to give the parent when no known province holds a ward', async () => {
    const r = await importGeoJsonPaths([join(dir, 'wards')]);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual(
      Array<string>(WARDS).fill('unknown_parent'),
    );
    expect(r.ok ? '' : r.errors[0]?.message).toMatch(
      /import its province file in the same command.*--parent/,
    );
  });
});

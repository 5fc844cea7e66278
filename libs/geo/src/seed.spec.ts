import { describe, expect, it } from 'vitest';
import { buildDemoRegion, GeoImportError, parseSeedCsv, SeedError } from './seed';
import { boundaryPath, seedUnits } from './testing/shared-data';

const HEADER = 'province_code,unit_code,full_name,level,label_lon,label_lat,area_km2,name_en';

describe('seed', { timeout: 60_000 }, () => {
  it('ships both provinces and all 189 units', async () => {
    const units = await seedUnits();
    expect(units).toHaveLength(191);
    expect(units.filter((u) => u.parentCode === '48')).toHaveLength(94);
    expect(units.filter((u) => u.parentCode === '75')).toHaveLength(95);
    expect(units.find((u) => u.code === '48')).toMatchObject({
      level: 'province',
      parentCode: null,
      name: 'Thành phố Đà Nẵng',
    });
    expect(units.find((u) => u.code === '75')).toMatchObject({
      level: 'province',
      parentCode: null,
    });
    expect(units.find((u) => u.code === '20314')).toMatchObject({
      name: 'Phường Hoà Xuân',
      shortName: 'Hoà Xuân',
      nameEn: 'Hoa Xuan',
      level: 'ward',
      label: [108.20273, 15.9856],
      areaKm2: 27.96,
    });
    expect(new Set(units.map((u) => u.code)).size).toBe(191);
  });

  it('rejects a bad row with its line number', () => {
    expect(() => parseSeedCsv(`${HEADER}\n48,20194,Phường Hải Vân,ward,abc,16.1,406,\n`)).toThrow(
      SeedError,
    );
    expect(() =>
      parseSeedCsv(
        `${HEADER}\n48,20194,Phường Hải Vân,ward,108,16.1,406,\n48,20197,Xã Liên Chiểu,ward,108,16,41,\n`,
      ),
    ).toThrow(/line 3: .*commune, not a ward/);
  });

  it('builds Đà Nẵng from the boundaries the platform ships when none are configured', async () => {
    const region = await buildDemoRegion({ seed: await seedUnits() });
    expect(region.source).toBe('shipped');
    expect(region.units).toHaveLength(95);
    expect(region.units[0]).toMatchObject({ code: '48', level: 'province', approximate: false });
    expect(region.units.every((u) => !u.approximate && u.geometry !== null)).toBe(true);
    expect(region.units.filter((u) => u.parentCode === '48')).toHaveLength(94);
  });

  it('builds approximate cells for a province the platform ships no boundaries for', async () => {
    const region = await buildDemoRegion({ seed: await seedUnits(), provinceCode: '75' });
    expect(region.source).toBe('approximate');
    expect(region.units).toHaveLength(96);
    expect(region.units.every((u) => u.approximate)).toBe(true);
  });

  it('builds the approximate demo region for Đà Nẵng when shipped boundaries are not wanted', async () => {
    const region = await buildDemoRegion({ seed: await seedUnits(), shipped: false });
    expect(region.source).toBe('approximate');
    expect(region.units).toHaveLength(95);
    expect(region.units[0]).toMatchObject({ code: '48', level: 'province', approximate: true });
    expect(region.units.every((u) => u.approximate && u.geometry !== null)).toBe(true);
    expect(region.units[0]!.geometry!.coordinates.length).toBeGreaterThan(0);
  });

  it('builds the real region from boundary files, adding the province from the seed', async () => {
    const region = await buildDemoRegion({
      seed: await seedUnits(),
      boundaries: [boundaryPath('48_da_nang', 'wards')],
    });
    expect(region.source).toBe('boundaries');
    expect(region.units).toHaveLength(95);
    expect(region.units[0]).toMatchObject({ code: '48', approximate: false });
    expect(region.units[0]!.geometry!.coordinates.length).toBeGreaterThan(40); // mainland, islands, Hoàng Sa
    expect(region.units.filter((u) => u.approximate)).toEqual([]);
  });

  it('throws the import errors when boundary files are refused', async () => {
    await expect(
      buildDemoRegion({ seed: [], boundaries: [boundaryPath('48_da_nang', 'wards')] }),
    ).rejects.toThrow(GeoImportError);
  });
});

import {
  buildDemoRegion,
  buildUnitIndex,
  shippedBoundaryPath,
  UnitsRepository,
  type BoundarySource,
} from '@ioc/geo';
import { DeviceRepository } from '@ioc/ingest';
import { withTransaction, type Pool } from '@ioc/db';
import { seedDemoDevices } from './demo-devices';

/**
 * Which ward shapes the province is drawn with: `stored` = real ones kept from an earlier start
 * or import, `none` = no units yet (a database nothing was seeded or imported into).
 */
export type BoundarySet = BoundarySource | 'stored' | 'none';

export interface SeedResult {
  units: number;
  boundaries: BoundarySet;
  devices: number;
}

/**
 * The demo region: the province's units from the platform's seed table — the boundary files
 * IOC_BOUNDARIES names, else the real boundaries the platform ships for the province, else
 * approximate cells — and a demo device fleet. Idempotent: a restart reuses what is stored;
 * real boundaries (configured or shipped) replace approximate cells stored by an earlier start.
 */
export async function seedDemo(
  pool: Pool,
  opts: { dataDir: string; province: string; boundaries?: string[] | undefined },
): Promise<SeedResult> {
  const units = new UnitsRepository(pool);
  const stored = await units.list({ parentCode: opts.province });
  const configured = (opts.boundaries?.length ?? 0) > 0;
  const realAvailable = configured || shippedBoundaryPath(opts.province) !== null;
  const storedApproximate = stored.some((u) => u.approximate);
  let boundaries: BoundarySet = storedApproximate ? 'approximate' : 'stored';
  let locate: ((lon: number, lat: number) => string | null) | undefined;
  if (stored.length === 0 || (realAvailable && storedApproximate)) {
    const region = await buildDemoRegion({
      provinceCode: opts.province,
      ...(configured ? { boundaries: opts.boundaries } : {}),
    });
    await withTransaction(pool, (client) => new UnitsRepository(client).upsert(region.units));
    boundaries = region.source;
    const index = buildUnitIndex(
      region.units.flatMap((u) => (u.geometry ? [{ ...u, geometry: u.geometry }] : [])),
    );
    locate = (lon, lat) => index.locate(lon, lat);
  }
  const wards = await units.list({ parentCode: opts.province });
  const devices = await seedDemoDevices(
    new DeviceRepository(pool),
    wards,
    opts.dataDir,
    opts.province,
    locate,
  );
  return { units: wards.length, boundaries, devices };
}

/** What is stored for the province when nothing is seeded (SEED_DEMO=false). */
export async function storedBoundaries(
  pool: Pool,
  province: string,
): Promise<Pick<SeedResult, 'units' | 'boundaries'>> {
  const stored = await new UnitsRepository(pool).list({ parentCode: province });
  const set =
    stored.length === 0 ? 'none' : stored.some((u) => u.approximate) ? 'approximate' : 'stored';
  return { units: stored.length, boundaries: set };
}

/** For the start banner and `ioc seed demo`: which boundary set the maps draw. */
export function boundaryLine(set: BoundarySet): string {
  switch (set) {
    case 'shipped':
      return 'real ward boundaries shipped with the platform (simplified; source and licence in NOTICE)';
    case 'boundaries':
      return 'ward boundaries from the files in IOC_BOUNDARIES';
    case 'stored':
      return 'ward boundaries stored in the database';
    case 'none':
      return 'no units yet: `npx ioc seed demo`, or import boundaries with `npx ioc units import <file>`';
    case 'approximate':
      return 'APPROXIMATE cells, no boundary file: import the official ones with `npx ioc units import <file>`';
  }
}

import { buildDemoRegion, UnitsRepository } from '@ioc/geo';
import { DeviceRepository } from '@ioc/ingest';
import { withTransaction, type Pool } from '@ioc/db';
import { seedDemoDevices } from './demo-devices';

export interface SeedResult {
  units: number;
  approximate: boolean;
  devices: number;
}

/**
 * The demo region: the province's units from the platform's seed table — official boundaries
 * when IOC_BOUNDARIES names them, approximate cells otherwise — and a demo device fleet.
 * Idempotent: a restart reuses what is stored; configuring boundaries later replaces the
 * approximate cells.
 */
export async function seedDemo(
  pool: Pool,
  opts: { dataDir: string; province: string; boundaries?: string[] | undefined },
): Promise<SeedResult> {
  const units = new UnitsRepository(pool);
  const stored = await units.list({ parentCode: opts.province });
  const wantReal = (opts.boundaries?.length ?? 0) > 0;
  const storedApproximate = stored.some((u) => u.approximate);
  let approximate = storedApproximate;
  if (stored.length === 0 || (wantReal && storedApproximate)) {
    const region = await buildDemoRegion({
      provinceCode: opts.province,
      ...(wantReal ? { boundaries: opts.boundaries } : {}),
    });
    await withTransaction(pool, (client) => new UnitsRepository(client).upsert(region.units));
    approximate = region.source === 'approximate';
  }
  const wards = await units.list({ parentCode: opts.province });
  const devices = await seedDemoDevices(
    new DeviceRepository(pool),
    wards,
    opts.dataDir,
    opts.province,
  );
  return { units: wards.length, approximate, devices };
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { DeviceView } from '@ioc/contracts';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { LatestRepository } from '@ioc/live';
import { Access } from '../auth/access.decorators';

@Controller('api/v1/devices')
export class DevicesController {
  private readonly latest: LatestRepository;

  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {
    this.latest = new LatestRepository(ctx.pool);
  }

  /** Devices of a unit (a province includes its wards) with their latest value per metric. */
  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  async list(@Query('unit') unit?: string): Promise<{ asOf: string; items: DeviceView[] }> {
    const unitCodes = unit ? await this.ctx.units.selfAndDescendants(unit) : undefined;
    const devices = await this.ctx.devices.list(unitCodes ? { unitCodes } : {});
    // device_latest is kept by the live service from committed rows: O(devices), no hot-table scan.
    const latest = new Map<string, Record<string, { value: number; time: string }>>();
    for (const row of await this.latest.forDevices(devices.map((d) => d.id), null)) {
      let rec = latest.get(row.deviceId);
      if (!rec) latest.set(row.deviceId, (rec = {}));
      rec[row.metric] = { value: row.value, time: row.time.toISOString() };
    }
    return {
      asOf: new Date().toISOString(),
      items: devices.map((d) => ({
        id: d.id,
        kind: d.kind,
        unitCode: d.unitCode,
        lon: d.lon,
        lat: d.lat,
        lastSeen: d.lastSeen?.toISOString() ?? null,
        latest: latest.get(d.id) ?? {},
      })),
    };
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  DomainError,
  deviceListQuery,
  parseInput,
  type DeviceDetail,
  type IssuedDeviceToken,
} from '@ioc/contracts';
import { DeviceRegistrationService, DeviceRepository, type DeviceRecord } from '@ioc/ingest';
import type { AuditActor } from '@ioc/auth';
import { LatestRepository } from '@ioc/live';
import { Access, unitOfDevice } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';
import { DEVICE_UNITS, type DeviceUnits } from './device-units';

type Latest = Record<string, { value: number; time: string }>;

function deviceView(d: DeviceRecord, latest: Latest): DeviceDetail {
  return {
    id: d.id,
    kind: d.kind,
    unitCode: d.unitCode,
    lon: d.lon,
    lat: d.lat,
    lastSeen: d.lastSeen?.toISOString() ?? null,
    latest,
    name: d.name,
    mobile: d.mobile,
    positionAt: d.positionAt?.toISOString() ?? null,
    intervalS: d.expectedIntervalS,
    gatewayId: d.gatewayId,
    alarmLevels: d.profile.alarmLevels ?? null,
    mqttTopic: `ioc/v1/telemetry/${d.id}`,
  };
}

@Controller('api/v1/devices')
export class DevicesController {
  constructor(
    @Inject(DeviceRepository) private readonly devices: DeviceRepository,
    @Inject(DeviceRegistrationService)
    private readonly registration: DeviceRegistrationService<AuditActor>,
    @Inject(LatestRepository) private readonly latest: LatestRepository,
    @Inject(DEVICE_UNITS) private readonly units: DeviceUnits,
  ) {}

  /**
   * Devices of a unit (a province includes its wards) with their latest value per metric;
   * mobile devices (vessels) with their last known position as lon/lat.
   */
  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  async list(@Query() query: unknown): Promise<{ asOf: string; items: DeviceDetail[] }> {
    const { unit } = parseInput(deviceListQuery, query, 'QUERY_INVALID');
    const unitCodes = unit ? await this.units.selfAndDescendants(unit) : undefined;
    const devices = await this.devices.list(unitCodes ? { unitCodes } : {});
    const latest = await this.latestOf(devices.map((d) => d.id));
    return {
      asOf: new Date().toISOString(),
      items: devices.map((d) => deviceView(d, latest.get(d.id) ?? {})),
    };
  }

  /** One device (unit-scoped by the device's registered unit). */
  @Get(':id')
  @Access({ action: 'read', unit: unitOfDevice('param', 'id') })
  async get(@Param('id') id: string): Promise<DeviceDetail> {
    const d = await this.devices.get(id);
    if (!d) throw new DomainError('not_found', 'DEVICE_NOT_FOUND', `no device ${id}`);
    return deviceView(d, (await this.latestOf([id])).get(id) ?? {});
  }

  /**
   * Registers a device: body {id, kind, name?, unitCode?, lon?, lat?, mobile?, gatewayId?,
   * devEui?, intervalS?, profile?}. A fixed device with a position and no unitCode is placed in
   * the unit containing it. The token is in this answer only.
   */
  @Post()
  @HttpCode(201)
  @Access({ action: 'admin' })
  async register(@Req() req: FastifyRequest, @Body() body: unknown): Promise<IssuedDeviceToken> {
    const r = await this.registration.register(body, auditActor(req));
    return { device: deviceView(r.device, {}), token: r.token, placement: r.placement };
  }

  /** Moves/places (lon/lat → unit recomputed), renames, re-kinds, changes the interval. */
  @Patch(':id')
  @Access({ action: 'admin' })
  async update(
    @Req() req: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<DeviceDetail> {
    const d = await this.registration.update(id, body, auditActor(req));
    return deviceView(d, (await this.latestOf([id])).get(id) ?? {});
  }

  /** A new token, shown once; the old one is refused at once and open MQTT sessions end. */
  @Post(':id/rotate')
  @HttpCode(200)
  @Access({ action: 'admin' })
  async rotate(@Req() req: FastifyRequest, @Param('id') id: string): Promise<IssuedDeviceToken> {
    const r = await this.registration.rotate(id, auditActor(req));
    return { device: deviceView(r.device, {}), token: r.token };
  }

  /**
   * Decommissions a device: its token stops working at once (open MQTT sessions end), it leaves
   * lists, fleet health and live figures; its history stays and its id is never re-used.
   */
  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'admin' })
  async decommission(@Req() req: FastifyRequest, @Param('id') id: string): Promise<void> {
    await this.registration.decommission(id, auditActor(req));
  }

  /** device_latest is kept by the live service from committed rows: O(devices), no hot-table scan. */
  private async latestOf(ids: string[]): Promise<Map<string, Latest>> {
    const latest = new Map<string, Latest>();
    for (const row of await this.latest.forDevices(ids, null)) {
      let rec = latest.get(row.deviceId);
      if (!rec) latest.set(row.deviceId, (rec = {}));
      rec[row.metric] = { value: row.value, time: row.time.toISOString() };
    }
    return latest;
  }
}

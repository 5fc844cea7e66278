import type { AuditSink } from '@ioc/contracts';
import type { z } from 'zod';
import {
  DomainError,
  invalidInput,
  parseInput,
  registerDeviceSchema,
  updateDeviceSchema,
  type Issue,
} from '@ioc/contracts';
import { generateToken, hashToken, isValidDeviceId } from './credentials';
import type { DeviceRecord, DeviceRepository, DevicePatch } from './device.repository';

/** What the registry asks of the geography: point → unit, and whether a code exists. */
export interface RegistrationGeo {
  /** The leaf unit containing the point; null when it is in none (offshore). */
  locate(lon: number, lat: number): string | null | Promise<string | null>;
  exists(code: string): Promise<boolean>;
}

/** The audit trail (libs/auth `AuditLog` implements it). */
export type RegistrationAudit<A> = AuditSink<A>;

export interface RegistrationDeps<A> {
  repo: DeviceRepository;
  geo: RegistrationGeo;
  audit?: RegistrationAudit<A>;
  /**
   * Called after a device's record or token changed in the database: drop cached records and,
   * for a token change, end the device's open broker sessions (`tokenChanged`).
   */
  onChanged?: (deviceId: string, change: { tokenChanged: boolean }) => void;
}

export {
  registerDeviceSchema,
  updateDeviceSchema,
  type RegisterDeviceInput,
  type UpdateDeviceInput,
} from '@ioc/contracts';

export interface RegisteredDevice {
  device: DeviceRecord;
  /** Shown once: only its hash is stored. */
  token: string;
  /** How the unit was decided: given by the caller, located from the position, or none. */
  placement: 'given' | 'located' | 'none';
}

/** Validates with a schema; every problem is listed (`details.issues[{path, message}]`). */
export function parseDeviceInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return parseInput(schema, input, 'DEVICE_INVALID');
}

function invalid(issues: Issue[]): DomainError {
  return invalidInput('DEVICE_INVALID', issues);
}

/**
 * The device registry's write side, shared by the `ioc devices` CLI and the admin API:
 * registration (token issued once), placement (a fixed device's unit follows its position),
 * edits and token rotation. Every change is audited; a rotation ends the old token at once.
 */
export class DeviceRegistrationService<A> {
  constructor(private readonly deps: RegistrationDeps<A>) {}

  async register(input: unknown, actor: A): Promise<RegisteredDevice> {
    const v = parseDeviceInput(registerDeviceSchema, input);
    const issues: Issue[] = [];
    if (v.unitCode !== undefined && !(await this.deps.geo.exists(v.unitCode)))
      issues.push({ path: 'unitCode', message: `no administrative unit ${v.unitCode}` });
    if (v.gatewayId !== undefined) {
      const gw = await this.deps.repo.get(v.gatewayId);
      if (!gw) issues.push({ path: 'gatewayId', message: `no registered gateway ${v.gatewayId}` });
    }
    if (v.devEui !== undefined && (await this.deps.repo.getByDevEui(v.devEui)))
      issues.push({ path: 'devEui', message: `DevEUI ${v.devEui} belongs to another device` });
    const mobile = v.mobile ?? false;
    let unit: string | null = v.unitCode ?? null;
    let placement: RegisteredDevice['placement'] = unit ? 'given' : 'none';
    if (unit === null && v.lon !== undefined && v.lat !== undefined) {
      unit = await this.deps.geo.locate(v.lon, v.lat);
      if (unit) placement = 'located';
      else if (!mobile)
        issues.push({
          path: 'lon',
          message: `position ${v.lon}, ${v.lat} is outside every unit: give unitCode, or register a mobile device`,
        });
    }
    if (issues.length > 0) throw invalid(issues);
    if (await this.deps.repo.isTaken(v.id))
      throw new DomainError(
        'conflict',
        'DEVICE_EXISTS',
        `device ${v.id} already exists (or was decommissioned: ids are never re-used)`,
      );
    const token = generateToken();
    try {
      await this.deps.repo.insert({
        id: v.id,
        kind: v.kind,
        unitCode: unit,
        lon: v.lon ?? null,
        lat: v.lat ?? null,
        mobile,
        gatewayId: v.gatewayId ?? null,
        devEui: v.devEui ?? null,
        expectedIntervalS: v.intervalS ?? 300,
        tokenHash: hashToken(token),
        name: v.name ?? null,
        profile: {
          ...(v.profile ?? {}),
          ...(v.alarmLevels ? { alarmLevels: v.alarmLevels } : {}),
        },
      });
    } catch (err) {
      // A concurrent registration of the same id or DevEUI, or a unit/gateway removed meanwhile.
      const code = (err as { code?: string }).code;
      if (code === '23505')
        throw new DomainError(
          'conflict',
          'DEVICE_EXISTS',
          `device ${v.id} (or its DevEUI) already exists`,
        );
      if (code === '23503')
        throw new DomainError('invalid', 'DEVICE_UNKNOWN_REF', `unknown unit or gateway`);
      throw err;
    }
    const device = await this.mustGet(v.id);
    this.deps.onChanged?.(v.id, { tokenChanged: true });
    await this.deps.audit?.record(actor, {
      action: 'device.register',
      targetKind: 'device',
      targetId: v.id,
      unitCode: device.unitCode,
      detail: {
        kind: device.kind,
        placement,
        mobile,
        ...(device.lon !== null ? { lon: device.lon, lat: device.lat } : {}),
        ...(device.gatewayId ? { gatewayId: device.gatewayId } : {}),
        ...(device.devEui ? { devEui: device.devEui } : {}),
        ...(device.profile.alarmLevels ? { alarmLevels: device.profile.alarmLevels } : {}),
      },
    });
    return { device, token, placement };
  }

  /** Moves/places or edits a device; a new position of a fixed device recomputes its unit. */
  async update(id: string, input: unknown, actor: A): Promise<DeviceRecord> {
    const before = await this.mustGet(id);
    const v = parseDeviceInput(updateDeviceSchema, input);
    const issues: Issue[] = [];
    if (v.unitCode !== undefined && !(await this.deps.geo.exists(v.unitCode)))
      issues.push({ path: 'unitCode', message: `no administrative unit ${v.unitCode}` });
    const mobile = v.mobile ?? before.mobile;
    const patch: DevicePatch = {};
    if (v.name !== undefined) patch.name = v.name;
    if (v.kind !== undefined) patch.kind = v.kind;
    if (v.intervalS !== undefined) patch.expectedIntervalS = v.intervalS;
    if (v.mobile !== undefined) patch.mobile = v.mobile;
    if (v.unitCode !== undefined) patch.unitCode = v.unitCode;
    if (v.alarmLevels !== undefined) {
      const profile = { ...before.profile };
      delete profile.alarmLevels;
      patch.profile = v.alarmLevels === null ? profile : { ...profile, alarmLevels: v.alarmLevels };
    }
    if (v.lon !== undefined && v.lat !== undefined) {
      patch.lon = v.lon;
      patch.lat = v.lat;
      if (v.unitCode === undefined && !mobile) {
        const unit = await this.deps.geo.locate(v.lon, v.lat);
        if (unit) patch.unitCode = unit;
        else
          issues.push({
            path: 'lon',
            message: `position ${v.lon}, ${v.lat} is outside every unit: give unitCode as well`,
          });
      }
    }
    if (issues.length > 0) throw invalid(issues);
    await this.deps.repo.update(id, patch);
    const after = await this.mustGet(id);
    this.deps.onChanged?.(id, { tokenChanged: false });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of [
      'name',
      'kind',
      'expectedIntervalS',
      'mobile',
      'unitCode',
      'lon',
      'lat',
    ] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    const levels = (d: DeviceRecord) => d.profile.alarmLevels ?? null;
    if (JSON.stringify(levels(before)) !== JSON.stringify(levels(after)))
      changes.alarmLevels = { from: levels(before), to: levels(after) };
    await this.deps.audit?.record(actor, {
      action: 'device.update',
      targetKind: 'device',
      targetId: id,
      unitCode: after.unitCode,
      detail: { changes },
    });
    return after;
  }

  /** A new token; the old one is refused from the next CONNECT or request, open sessions end. */
  async rotate(id: string, actor: A): Promise<{ device: DeviceRecord; token: string }> {
    const token = generateToken();
    if (!(await this.deps.repo.setTokenHash(id, hashToken(token))))
      throw new DomainError('not_found', 'DEVICE_NOT_FOUND', `no device ${id}`);
    const device = await this.mustGet(id);
    this.deps.onChanged?.(id, { tokenChanged: true });
    await this.deps.audit?.record(actor, {
      action: 'device.rotate_token',
      targetKind: 'device',
      targetId: id,
      unitCode: device.unitCode,
    });
    return { device, token };
  }

  /**
   * Takes a device out of service (the registry keeps the row: readings and alerts still name
   * it, and the id is never given to another device). Its token stops working at once and its
   * open broker sessions end. A gateway that still fronts active devices is refused (409).
   */
  async decommission(id: string, actor: A): Promise<DeviceRecord> {
    const device = await this.mustGet(id);
    const fronted = await this.deps.repo.frontedCount(id);
    if (fronted > 0)
      throw new DomainError(
        'conflict',
        'DEVICE_IN_USE',
        `gateway ${id} still fronts ${String(fronted)} device(s): move or decommission them first`,
      );
    if (!(await this.deps.repo.decommission(id, hashToken(generateToken()))))
      throw new DomainError('not_found', 'DEVICE_NOT_FOUND', `no device ${id}`);
    this.deps.onChanged?.(id, { tokenChanged: true });
    await this.deps.audit?.record(actor, {
      action: 'device.decommission',
      targetKind: 'device',
      targetId: id,
      unitCode: device.unitCode,
      detail: {
        kind: device.kind,
        ...(device.devEui ? { devEui: device.devEui } : {}),
        ...(device.lastSeen ? { lastSeen: device.lastSeen.toISOString() } : {}),
      },
    });
    return device;
  }

  private async mustGet(id: string): Promise<DeviceRecord> {
    const d = isValidDeviceId(id) ? await this.deps.repo.get(id) : null;
    if (!d) throw new DomainError('not_found', 'DEVICE_NOT_FOUND', `no device ${id}`);
    return d;
  }
}

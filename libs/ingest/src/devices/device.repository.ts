import type { Queryable } from '@ioc/db';

export interface DeviceRecord {
  id: string;
  kind: string;
  unitCode: string | null;
  lon: number | null;
  lat: number | null;
  mobile: boolean;
  gatewayId: string | null;
  devEui: string | null;
  profile: DeviceProfile;
  expectedIntervalS: number;
  tokenHash: string;
  lastSeen: Date | null;
  name: string | null;
  /** Time of the last known position (mobile devices, from readings that carried one). */
  positionAt: Date | null;
}

/**
 * How a LoRaWAN device's decoded payload fields map onto metric codes, and a station's own
 * alarm levels (báo động I–III), which the alert engine's `levels` rules read.
 */
export interface DeviceProfile {
  fieldMap?: Record<string, string>;
  scale?: Record<string, number>;
  alarmLevels?: number[];
}

export interface NewDevice {
  id: string;
  kind: string;
  unitCode: string | null;
  lon: number | null;
  lat: number | null;
  mobile?: boolean;
  gatewayId?: string | null;
  devEui?: string | null;
  profile?: DeviceProfile;
  expectedIntervalS?: number;
  tokenHash: string;
  name?: string | null;
}

/** Editable fields of a registered device (`DeviceRegistrationService.update`). */
export interface DevicePatch {
  name?: string | null;
  kind?: string;
  expectedIntervalS?: number;
  mobile?: boolean;
  unitCode?: string | null;
  lon?: number | null;
  lat?: number | null;
  /** Replaces the whole profile. */
  profile?: DeviceProfile;
}

const PATCH_COLUMNS: Record<keyof DevicePatch, string> = {
  name: 'name',
  kind: 'kind',
  expectedIntervalS: 'expected_interval_s',
  mobile: 'mobile',
  unitCode: 'unit_code',
  lon: 'lon',
  lat: 'lat',
  profile: 'profile',
};

interface DeviceRow {
  id: string;
  kind: string;
  unit_code: string | null;
  lon: number | null;
  lat: number | null;
  mobile: boolean;
  gateway_id: string | null;
  dev_eui: string | null;
  profile: DeviceProfile;
  expected_interval_s: number;
  token_hash: string;
  last_seen: Date | null;
  name: string | null;
  position_at: Date | null;
}

const COLUMNS =
  'id, kind, unit_code, lon, lat, mobile, gateway_id, dev_eui, profile, expected_interval_s, token_hash, last_seen, name, position_at';

/** Decommissioned devices (migration 0033) are invisible to every lookup but `isTaken`. */
const ACTIVE = 'decommissioned_at IS NULL';

function toRecord(r: DeviceRow): DeviceRecord {
  return {
    id: r.id,
    kind: r.kind,
    unitCode: r.unit_code,
    lon: r.lon,
    lat: r.lat,
    mobile: r.mobile,
    gatewayId: r.gateway_id,
    devEui: r.dev_eui,
    profile: r.profile,
    expectedIntervalS: r.expected_interval_s,
    tokenHash: r.token_hash,
    lastSeen: r.last_seen,
    name: r.name,
    positionAt: r.position_at,
  };
}

export class DeviceRepository {
  constructor(private readonly db: Queryable) {}

  async insert(d: NewDevice): Promise<void> {
    await this.db.query(
      `INSERT INTO device (id, kind, unit_code, lon, lat, mobile, gateway_id, dev_eui, profile, expected_interval_s, token_hash, name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        d.id,
        d.kind,
        d.unitCode,
        d.lon,
        d.lat,
        d.mobile ?? false,
        d.gatewayId ?? null,
        d.devEui ?? null,
        JSON.stringify(d.profile ?? {}),
        d.expectedIntervalS ?? 300,
        d.tokenHash,
        d.name ?? null,
      ],
    );
  }

  async get(id: string): Promise<DeviceRecord | null> {
    const { rows } = await this.db.query<DeviceRow>(
      `SELECT ${COLUMNS} FROM device WHERE id = $1 AND ${ACTIVE}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async getByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const { rows } = await this.db.query<DeviceRow>(
      `SELECT ${COLUMNS} FROM device WHERE token_hash = $1 AND ${ACTIVE}`,
      [tokenHash],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async getByDevEui(devEui: string): Promise<DeviceRecord | null> {
    const { rows } = await this.db.query<DeviceRow>(
      `SELECT ${COLUMNS} FROM device WHERE upper(dev_eui) = upper($1) AND ${ACTIVE}`,
      [devEui],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Applies the fields present in the patch; false when no such device. */
  async update(id: string, patch: DevicePatch): Promise<boolean> {
    const keys = (Object.keys(patch) as (keyof DevicePatch)[]).filter(
      (k) => patch[k] !== undefined,
    );
    if (keys.length === 0) return (await this.get(id)) !== null;
    const sets = keys.map((k, i) => `${PATCH_COLUMNS[k]} = $${String(i + 2)}`);
    const res = await this.db.query(
      `UPDATE device SET ${sets.join(', ')} WHERE id = $1 AND ${ACTIVE}`,
      // jsonb as text: drivers differ in how they send a bare object.
      [id, ...keys.map((k) => (k === 'profile' ? JSON.stringify(patch[k]) : patch[k]))],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async list(filter: { unitCodes?: string[] } = {}): Promise<DeviceRecord[]> {
    const { rows } = filter.unitCodes
      ? await this.db.query<DeviceRow>(
          `SELECT ${COLUMNS} FROM device WHERE unit_code = ANY($1) AND ${ACTIVE} ORDER BY id`,
          [filter.unitCodes],
        )
      : await this.db.query<DeviceRow>(`SELECT ${COLUMNS} FROM device WHERE ${ACTIVE} ORDER BY id`);
    return rows.map(toRecord);
  }

  async setTokenHash(id: string, tokenHash: string): Promise<boolean> {
    const res = await this.db.query(
      `UPDATE device SET token_hash = $2, token_rotated_at = now() WHERE id = $1 AND ${ACTIVE}`,
      [id, tokenHash],
    );
    return (res.rowCount ?? 0) > 0;
  }

  /**
   * The unit of any device ever registered, decommissioned ones included (their history stays
   * with their last unit); undefined when the id was never registered, null for no unit.
   */
  async unitOf(id: string): Promise<string | null | undefined> {
    const { rows } = await this.db.query<{ unit_code: string | null }>(
      'SELECT unit_code FROM device WHERE id = $1',
      [id],
    );
    return rows[0] ? rows[0].unit_code : undefined;
  }

  /** Whether the id was ever registered (decommissioned ids are never re-used). */
  async isTaken(id: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM device WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Active devices that send through this gateway. */
  async frontedCount(gatewayId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM device WHERE gateway_id = $1 AND ${ACTIVE}`,
      [gatewayId],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Takes a device out of service: the row stays (history keeps its name), the token becomes
   * `unusableTokenHash` (nobody holds its token), the DevEUI is released and its latest values
   * leave the unit's live figures. False when there is no active device with this id.
   */
  async decommission(id: string, unusableTokenHash: string): Promise<boolean> {
    const res = await this.db.query(
      `UPDATE device SET decommissioned_at = now(), token_hash = $2, token_rotated_at = now(), dev_eui = NULL
       WHERE id = $1 AND ${ACTIVE}`,
      [id, unusableTokenHash],
    );
    if ((res.rowCount ?? 0) === 0) return false;
    await this.db.query('DELETE FROM device_latest WHERE device_id = $1', [id]);
    return true;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM device');
    return rows[0]?.n ?? 0;
  }
}

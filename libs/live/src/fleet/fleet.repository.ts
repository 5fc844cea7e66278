import type { Queryable } from '@ioc/db';

export interface FleetDevice {
  id: string;
  kind: string;
  unitCode: string | null;
  name: string | null;
  expectedIntervalS: number;
  lastSeen: Date | null;
  createdAt: Date;
  profile: unknown;
}

interface DeviceRow {
  id: string;
  kind: string;
  unit_code: string | null;
  name: string | null;
  expected_interval_s: number;
  last_seen: Date | null;
  created_at: Date;
  profile: unknown;
}

/** Device liveness columns for fleet health and the no-data timer. */
export class FleetRepository {
  constructor(private readonly db: Queryable) {}

  async devices(
    unitCodes: readonly string[] | null,
    kind: string | null = null,
  ): Promise<FleetDevice[]> {
    const { rows } = await this.db.query<DeviceRow>(
      `SELECT id, kind, unit_code, name, expected_interval_s, last_seen, created_at, profile
       FROM device
       WHERE ($1::text[] IS NULL OR unit_code = ANY($1::text[])) AND ($2::text IS NULL OR kind = $2)
         AND decommissioned_at IS NULL
       ORDER BY id`,
      [unitCodes ? [...unitCodes] : null, kind],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      unitCode: r.unit_code,
      name: r.name,
      expectedIntervalS: r.expected_interval_s,
      lastSeen: r.last_seen,
      createdAt: r.created_at,
      profile: r.profile,
    }));
  }
}

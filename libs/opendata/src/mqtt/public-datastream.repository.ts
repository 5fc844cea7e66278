import type { Queryable } from '@ioc/db';

/** What is published now, read through the open_public_* views (migration 0060): their rules decide. */
export class PublicDatastreamRepository {
  constructor(private readonly db: Queryable) {}

  async load(): Promise<{ devices: string[]; metrics: string[] }> {
    const [devices, metrics] = [
      await this.db.query<{ id: string }>('SELECT id FROM open_public_device'),
      await this.db.query<{ code: string }>('SELECT code FROM open_public_metric'),
    ];
    return { devices: devices.rows.map((r) => r.id), metrics: metrics.rows.map((r) => r.code) };
  }
}

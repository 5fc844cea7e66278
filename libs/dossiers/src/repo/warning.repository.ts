import type { Queryable } from '@ioc/db';

export type Recipient = 'officer' | 'leader';
export type WarningChannel = 'email' | 'webhook';

/** `dossier_warning`: each warning claimed (UNIQUE per dossier, recipient, channel), then settled. */
export class WarningRepository {
  constructor(private readonly db: Queryable) {}

  /** The id when this call claimed the warning (the caller sends), null when claimed before. */
  async claim(
    dossierCode: string,
    recipient: Recipient,
    channel: WarningChannel,
    target: string,
    at: Date,
  ): Promise<string | null> {
    const { rows } = await this.db.query<{ id: unknown }>(
      `INSERT INTO dossier_warning (dossier_code, recipient, channel, target, at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [dossierCode, recipient, channel, target, at],
    );
    return rows[0] === undefined ? null : String(rows[0].id);
  }

  async settle(id: string, error: string | null): Promise<void> {
    await this.db.query(`UPDATE dossier_warning SET status = $2, error = $3 WHERE id = $1`, [
      id,
      error === null ? 'sent' : 'failed',
      error,
    ]);
  }
}

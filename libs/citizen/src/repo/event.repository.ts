import type { CitizenEventKind, CitizenStatus } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

/** One step on a case, as citizen_event keeps it. */
export interface CitizenEventRecord {
  id: string;
  reportId: string;
  at: Date;
  kind: CitizenEventKind;
  actor: string;
  actorName: string | null;
  fromStatus: CitizenStatus | null;
  toStatus: CitizenStatus | null;
  unitCode: string;
  note: string | null;
  public: boolean;
}

export type NewCitizenEvent = Omit<CitizenEventRecord, 'id'>;

const COLUMNS = `id::text AS id, report_id::text AS "reportId", at, kind, actor,
  actor_name AS "actorName", from_status AS "fromStatus", to_status AS "toStatus",
  unit_code AS "unitCode", note, public`;

/** citizen_event: the history of each case. */
export class EventRepository {
  constructor(private readonly db: Queryable) {}

  async insert(e: NewCitizenEvent): Promise<void> {
    await this.db.query(
      `INSERT INTO citizen_event (report_id, at, kind, actor, actor_name, from_status, to_status,
         unit_code, note, public)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.reportId,
        e.at,
        e.kind,
        e.actor,
        e.actorName,
        e.fromStatus,
        e.toStatus,
        e.unitCode,
        e.note,
        e.public,
      ],
    );
  }

  /** The steps of a case, oldest first; `publicOnly` for the tracking page. */
  async ofReport(reportId: string, publicOnly = false): Promise<CitizenEventRecord[]> {
    const { rows } = await this.db.query<CitizenEventRecord>(
      `SELECT ${COLUMNS} FROM citizen_event
       WHERE report_id = $1 ${publicOnly ? 'AND public' : ''} ORDER BY at, id`,
      [reportId],
    );
    return rows;
  }
}

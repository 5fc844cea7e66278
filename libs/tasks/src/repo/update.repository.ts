import type { Queryable } from '@ioc/db';
import type { StoredTaskStatus } from '../status';

export interface UpdateInsert {
  taskId: string;
  at: Date;
  actor: string;
  progress: number;
  status: StoredTaskStatus;
  note: string;
  period: string;
}

export interface EvidenceInsert {
  taskId: string;
  updateId: string;
  filename: string;
  contentType: string;
  sha256: string;
  data: Buffer;
  actor: string;
  at: Date;
}

export interface EvidenceMeta {
  id: string;
  updateId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface UpdateRecord {
  id: string;
  at: string;
  actor: string;
  progress: number;
  status: StoredTaskStatus;
  note: string;
  evidence: EvidenceMeta[];
}

/** Progress updates of tasks and their evidence files (task_update, task_evidence). */
export class UpdateRepository {
  constructor(private readonly db: Queryable) {}

  async insert(u: UpdateInsert): Promise<string> {
    const r = await this.db.query<{ id: string }>(
      `INSERT INTO task_update (task_id, at, actor, progress, status, note, period)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [u.taskId, u.at, u.actor, u.progress, u.status, u.note, u.period],
    );
    return (r.rows[0] as { id: string }).id;
  }

  async insertEvidence(e: EvidenceInsert): Promise<EvidenceMeta> {
    const r = await this.db.query<{ id: string }>(
      `INSERT INTO task_evidence
         (task_id, update_id, filename, content_type, size_bytes, sha256, data, created_at, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [
        e.taskId,
        e.updateId,
        e.filename,
        e.contentType,
        e.data.length,
        e.sha256,
        e.data,
        e.at,
        e.actor,
      ],
    );
    return {
      id: (r.rows[0] as { id: string }).id,
      updateId: e.updateId,
      filename: e.filename,
      contentType: e.contentType,
      sizeBytes: e.data.length,
      sha256: e.sha256,
    };
  }

  /** The task's updates, newest first, each with its files (without their bytes). */
  async ofTask(taskId: string): Promise<UpdateRecord[]> {
    const updates = await this.db.query<{
      id: string;
      at: Date;
      actor: string;
      progress: number;
      status: StoredTaskStatus;
      note: string;
    }>(
      `SELECT id::text AS id, at, actor, progress, status, note FROM task_update
        WHERE task_id = $1 ORDER BY at DESC, id DESC`,
      [taskId],
    );
    const files = await this.db.query<{
      id: string;
      update_id: string;
      filename: string;
      content_type: string;
      size_bytes: number;
      sha256: string;
    }>(
      `SELECT id::text AS id, update_id::text AS update_id, filename, content_type, size_bytes, sha256
         FROM task_evidence WHERE task_id = $1 ORDER BY id`,
      [taskId],
    );
    const byUpdate = new Map<string, EvidenceMeta[]>();
    for (const f of files.rows) {
      const list = byUpdate.get(f.update_id) ?? [];
      list.push({
        id: f.id,
        updateId: f.update_id,
        filename: f.filename,
        contentType: f.content_type,
        sizeBytes: f.size_bytes,
        sha256: f.sha256,
      });
      byUpdate.set(f.update_id, list);
    }
    return updates.rows.map((u) => ({
      id: u.id,
      at: new Date(u.at).toISOString(),
      actor: u.actor,
      progress: u.progress,
      status: u.status,
      note: u.note,
      evidence: byUpdate.get(u.id) ?? [],
    }));
  }

  /** One file of a task, with its bytes; null when the task has no such file. */
  async file(
    taskId: string,
    evidenceId: string,
  ): Promise<{ filename: string; contentType: string; data: Buffer } | null> {
    const r = await this.db.query<{ filename: string; content_type: string; data: Uint8Array }>(
      'SELECT filename, content_type, data FROM task_evidence WHERE id = $1 AND task_id = $2',
      [evidenceId, taskId],
    );
    const row = r.rows[0];
    if (!row) return null;
    return { filename: row.filename, contentType: row.content_type, data: Buffer.from(row.data) };
  }

  /** Ids among `taskIds` with at least one update in [from, to). */
  async postedIn(taskIds: readonly string[], from: Date, to: Date): Promise<string[]> {
    if (taskIds.length === 0) return [];
    const r = await this.db.query<{ task_id: string }>(
      `SELECT DISTINCT task_id::text AS task_id FROM task_update
        WHERE task_id = ANY($1::bigint[]) AND at >= $2 AND at < $3 ORDER BY 1`,
      [[...taskIds], from, to],
    );
    return r.rows.map((row) => row.task_id);
  }
}

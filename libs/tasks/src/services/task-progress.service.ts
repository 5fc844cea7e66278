import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import {
  DomainError,
  TASK_EVIDENCE_LIMITS,
  type TaskDetail,
  type TaskProgressFields,
} from '@ioc/contracts';
import { inTransaction } from '@ioc/db';
import { sniffEvidenceType } from '../evidence/file-type';
import type { TaskActor } from '../ports';
import { TaskRepository } from '../repo/task.repository';
import { UpdateRepository } from '../repo/update.repository';
import { vnMonth, type StoredTaskStatus } from '../status';
import type { TaskService } from './task.service';

/** A file sent with a progress update, as the edge received it. */
export interface EvidenceUpload {
  filename: string;
  data: Buffer;
}

/**
 * Progress on a task with its evidence files, and downloads of those files. The files' types are
 * read from their bytes; one update with its files is stored in one transaction, or nothing is.
 */
export class TaskProgressService<A extends TaskActor> {
  constructor(private readonly tasks: TaskService<A>) {}

  async postProgress(
    id: string,
    fields: TaskProgressFields,
    files: readonly EvidenceUpload[],
    actor: A,
  ): Promise<TaskDetail> {
    const checked = checkFiles(files);
    const task = await this.tasks.record(id);
    if (task.status === 'cancelled') {
      throw new DomainError(
        'conflict',
        'TASK_CANCELLED',
        'the task is cancelled: no progress on it',
      );
    }
    const { status, progress } = nextState(task.status, fields);
    const at = this.tasks.now();
    const stored = await inTransaction(this.tasks.db, async (tx) => {
      const updates = new UpdateRepository(tx);
      const updateId = await updates.insert({
        taskId: id,
        at,
        actor: actor.actor,
        progress,
        status,
        note: fields.note,
        period: vnMonth(at),
      });
      const evidence = [];
      for (const f of checked) {
        evidence.push(
          await updates.insertEvidence({ taskId: id, updateId, ...f, actor: actor.actor, at }),
        );
      }
      await new TaskRepository(tx).setState(id, { status, progress }, at);
      return { updateId, evidence };
    });
    await this.tasks.changed(id, actor, 'task.progress', {
      updateId: stored.updateId,
      progress,
      status,
      from: { status: task.status, progress: task.progress },
      note: fields.note,
      evidence: stored.evidence.map((e) => ({
        id: e.id,
        filename: e.filename,
        contentType: e.contentType,
        sizeBytes: e.sizeBytes,
        sha256: e.sha256,
      })),
    });
    return this.tasks.get(id);
  }

  /** One evidence file of a task: its bytes and type. */
  async evidence(
    taskId: string,
    evidenceId: string,
  ): Promise<{ filename: string; contentType: string; data: Buffer }> {
    const file =
      /^\d{1,18}$/.test(taskId) && /^\d{1,18}$/.test(evidenceId)
        ? await this.tasks.updates.file(taskId, evidenceId)
        : null;
    if (!file)
      throw new DomainError('not_found', 'EVIDENCE_NOT_FOUND', 'no such file on this task');
    return file;
  }
}

/**
 * The state after an update: `done` means 100 %; without a status, 100 % is done, any progress
 * is in progress, and nothing changes the status otherwise.
 */
export function nextState(
  current: StoredTaskStatus,
  fields: Pick<TaskProgressFields, 'progress' | 'status'>,
): { status: StoredTaskStatus; progress: number } {
  if (fields.status === 'done' || (fields.status === undefined && fields.progress === 100)) {
    return { status: 'done', progress: 100 };
  }
  if (fields.status !== undefined) return { status: fields.status, progress: fields.progress };
  return { status: fields.progress > 0 ? 'in_progress' : current, progress: fields.progress };
}

function checkFiles(files: readonly EvidenceUpload[]) {
  if (files.length > TASK_EVIDENCE_LIMITS.maxFiles) {
    throw refuse('EVIDENCE_TOO_MANY', `at most ${TASK_EVIDENCE_LIMITS.maxFiles} files`, 'evidence');
  }
  return files.map((f, i) => {
    const path = `evidence.${i}`;
    if (f.data.length === 0) throw refuse('EVIDENCE_EMPTY', `${f.filename}: empty file`, path);
    if (f.data.length > TASK_EVIDENCE_LIMITS.maxBytes) {
      throw refuse('EVIDENCE_TOO_LARGE', `${f.filename}: larger than 10 MiB`, path);
    }
    const contentType = sniffEvidenceType(f.data);
    if (contentType === null) {
      throw refuse(
        'EVIDENCE_TYPE',
        `${f.filename}: not a JPEG, PNG, WebP, PDF, XLSX or DOCX file (read from its content)`,
        path,
      );
    }
    return {
      filename: safeName(f.filename),
      contentType,
      data: f.data,
      sha256: createHash('sha256').update(f.data).digest('hex'),
    };
  });
}

/** The base name only, without control characters, ≤ 200 characters. */
function safeName(name: string): string {
  const clean = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return (clean === '' ? 'file' : clean).slice(0, 200);
}

function refuse(code: string, message: string, path: string): DomainError {
  return new DomainError('invalid', code, message, { issues: [{ path, message }] });
}

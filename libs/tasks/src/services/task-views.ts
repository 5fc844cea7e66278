import type { TaskDetail, TaskView } from '@ioc/contracts';
import type { TaskRecord } from '../repo/task-row';
import type { UpdateRecord } from '../repo/update.repository';
import { taskStatus } from '../status';
import type { TaskOffices, TaskUnits } from '../ports';

/** Names of lead units and offices for a set of tasks, read once per answer. */
export interface LeadNames {
  unit(code: string): string | null;
  office(id: string | null): string | null;
}

export async function leadNames(
  units: TaskUnits,
  offices: TaskOffices,
  unitCodes: Iterable<string>,
  officeIds: Iterable<string | null>,
): Promise<LeadNames> {
  const unitNames = new Map<string, string | null>();
  for (const code of new Set(unitCodes)) unitNames.set(code, (await units.get(code))?.name ?? null);
  const ids = [...new Set(officeIds)].filter((id): id is string => id !== null);
  const officeNames = await offices.namesOf(ids);
  return {
    unit: (code) => unitNames.get(code) ?? null,
    office: (id) => (id === null ? null : (officeNames.get(id) ?? null)),
  };
}

export function toTaskView(t: TaskRecord, names: LeadNames, today: string): TaskView {
  return {
    ...t,
    status: taskStatus(t.status, t.dueDate, today),
    leadUnitName: names.unit(t.leadUnitCode),
    leadOfficeName: names.office(t.leadOfficeId),
  };
}

export function toTaskDetail(view: TaskView, updates: UpdateRecord[]): TaskDetail {
  return {
    ...view,
    updates: updates.map((u) => ({
      id: u.id,
      at: u.at,
      actor: u.actor,
      progress: u.progress,
      status: u.status,
      note: u.note,
      evidence: u.evidence.map((e) => ({
        id: e.id,
        filename: e.filename,
        contentType: e.contentType,
        sizeBytes: e.sizeBytes,
        url: `/api/v1/tasks/${view.id}/evidence/${e.id}`,
      })),
    })),
  };
}

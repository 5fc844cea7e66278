import type { Queryable } from '@ioc/db';
import { loadTaskCatalogue } from '../catalogue/load';
import type { CatalogueTask, TaskCatalogue } from '../catalogue/schema';
import type { TaskOffices } from '../ports';
import { TaskRepository, type TaskInsert } from '../repo/task.repository';

export interface TaskSeedResult {
  sources: number;
  tasks: number;
}

/**
 * The task catalogue (libs/tasks/seed/catalogue.json, a copy of shared/data/tasks), inserted
 * where missing at every start: a task is keyed by its code, so a re-seed adds only new codes
 * and never undoes progress or edits. The lead unit is the plan's area; a lead cell naming one
 * agency gets that agency as an office of the area (created if missing), several agencies stay
 * as printed text.
 */
export class TaskSeedService {
  private readonly repo: TaskRepository;

  constructor(
    private readonly db: Queryable,
    private readonly offices: Pick<TaskOffices, 'ensureForLead'>,
  ) {
    this.repo = new TaskRepository(db);
  }

  async seed(catalogue: TaskCatalogue = loadTaskCatalogue()): Promise<TaskSeedResult> {
    let sources = 0;
    for (const s of catalogue.sources) {
      const r = await this.db.query(
        `INSERT INTO task_source (id, title_vi, title_en, issuer_vi, area_code, issued_on, seed_file)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [s.id, s.title_vi, s.title_en, s.issuer_vi, s.areaCode, s.issuedOn, s.seedFile],
      );
      sources += r.rowCount ?? 0;
    }
    const existing = await this.db.query<{ code: string }>(
      'SELECT code FROM task WHERE code = ANY($1::text[])',
      [catalogue.tasks.map((t) => t.code)],
    );
    const have = new Set(existing.rows.map((r) => r.code));
    let tasks = 0;
    for (const t of catalogue.tasks) {
      if (have.has(t.code)) continue;
      const office = await this.offices.ensureForLead(t.areaCode, t.lead_vi);
      if ((await this.repo.insert(fromCatalogue(t, office))) !== null) tasks++;
    }
    return { sources, tasks };
  }
}

/** A catalogue row as a task: every printed field kept, the lead unit is the plan's area. */
export function fromCatalogue(t: CatalogueTask, leadOfficeId: string | null): TaskInsert {
  return {
    code: t.code,
    source: t.source,
    number: t.number,
    groupVi: t.group_vi,
    parentVi: t.parent_vi,
    titleVi: t.title_vi,
    titleEn: t.title_en,
    detailVi: t.detail_vi,
    areaCode: t.areaCode,
    leadUnitCode: t.areaCode,
    leadOfficeId,
    leadVi: t.lead_vi,
    leadUncertain: t.leadCoopUncertain,
    cooperatingVi: t.cooperating_vi,
    supervisorVi: t.supervisor_vi,
    periodVi: t.period,
    dueDate: t.due,
    recurring: t.recurring,
    cadence: t.cadence,
    productVi: t.product_vi,
    kpiVi: t.kpi_vi,
    relatedIndicators: t.relatedIndicators,
    ref: t.ref,
    notes: t.notes,
  };
}

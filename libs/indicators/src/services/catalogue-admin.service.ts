import { DomainError } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import {
  applyTargetPatch,
  indicatorCreateSchema,
  indicatorPatchSchema,
  parseAdminInput,
  reasonSchema,
  targetCreateSchema,
  targetPatchSchema,
} from '../admin/inputs';
import type { Indicator, TargetRule } from '../catalogue/schema';
import { CatalogueRepository } from '../repo/catalogue.repository';
import { ChangeLogRepository, type ChangeLogEntry } from '../repo/change-log.repository';
import { TargetRepository, type StoredTarget } from '../repo/target.repository';
import type { IndicatorUnits } from '../units';
import { dbErrors, notFound, requireIndicator } from './lookups';
import { intParam, levelParam, splitList } from './params';

/**
 * The indicator catalogue and plan targets: reads, and administrators' edits (each logged with
 * who and why). Used by the admin API and the `ioc indicators|targets` CLI alike, so both
 * validate and record changes the same way.
 */
export class CatalogueAdminService {
  private readonly catalogueRepo: CatalogueRepository;
  private readonly targetRepo: TargetRepository;
  private readonly changeLog: ChangeLogRepository;
  private readonly clock: () => Date;

  constructor(
    db: Queryable,
    private readonly units: IndicatorUnits,
    options: { clock?: () => Date } = {},
  ) {
    this.catalogueRepo = new CatalogueRepository(db);
    this.targetRepo = new TargetRepository(db);
    this.changeLog = new ChangeLogRepository(db);
    this.clock = options.clock ?? (() => new Date());
  }

  async catalogue(filter: { domain?: string | undefined; level?: string | undefined }) {
    const level = filter.level === undefined ? undefined : levelParam(filter.level);
    const [indicators, sources] = await Promise.all([
      this.catalogueRepo.listIndicators(),
      this.catalogueRepo.listSources(),
    ]);
    const items = indicators.filter(
      (i) =>
        (filter.domain === undefined ||
          i.domain === filter.domain ||
          i.code.startsWith(`${filter.domain}.`)) &&
        (level === undefined || i.measuredAt.includes(level)),
    );
    return { asOf: this.clock().toISOString(), sources, items };
  }

  async indicator(code: string) {
    const indicator = await requireIndicator(this.catalogueRepo, code);
    const targets = await this.targetRepo.list({ indicators: [code] });
    return { asOf: this.clock().toISOString(), indicator, targets };
  }

  async createIndicator(body: unknown, who: string): Promise<Indicator> {
    const input = parseAdminInput(indicatorCreateSchema, body, 'INDICATOR_INVALID');
    const created = await this.catalogueRepo.createIndicator(input.indicator, {
      who,
      why: input.why,
    });
    if (created === null) {
      throw new DomainError(
        'conflict',
        'INDICATOR_EXISTS',
        `indicator ${input.indicator.code} already exists`,
      );
    }
    return created;
  }

  async updateIndicator(code: string, body: unknown, who: string): Promise<Indicator> {
    const { why, ...patch } = parseAdminInput(indicatorPatchSchema, body, 'INDICATOR_INVALID');
    const updated = await this.catalogueRepo.updateIndicator(code, patch, { who, why });
    if (updated === null) throw notFound('INDICATOR_NOT_FOUND', `no indicator ${code}`);
    return updated;
  }

  async changes(filter: {
    entity?: string | undefined;
    key?: string | undefined;
    limit?: string | undefined;
  }) {
    const entity = filter.entity;
    if (entity !== undefined && entity !== 'indicator' && entity !== 'target') {
      throw new DomainError('invalid', 'ENTITY_INVALID', 'entity must be indicator or target');
    }
    const limit = filter.limit === undefined ? 200 : intParam(filter.limit, 'limit', 1, 1000);
    const items: ChangeLogEntry[] = await this.changeLog.list({
      ...(entity === undefined ? {} : { entity }),
      ...(filter.key === undefined ? {} : { entityKey: filter.key }),
      limit,
    });
    return { asOf: this.clock().toISOString(), items };
  }

  async targets(filter: {
    indicator?: string | undefined;
    unit?: string | undefined;
    retired?: boolean;
  }) {
    const items = await this.targetRepo.list({
      ...(filter.indicator === undefined ? {} : { indicators: splitList(filter.indicator) }),
      ...(filter.unit === undefined ? {} : { unitCodes: splitList(filter.unit) }),
      includeRetired: filter.retired ?? false,
    });
    return { asOf: this.clock().toISOString(), items };
  }

  async createTarget(body: unknown, who: string): Promise<StoredTarget> {
    const { target, why } = parseAdminInput(targetCreateSchema, body, 'TARGET_INVALID');
    await requireIndicator(this.catalogueRepo, target.indicator);
    const units = await this.units.snapshot();
    if (units.get(target.unitCode) === undefined) {
      throw new DomainError('invalid', 'UNIT_UNKNOWN', `no administrative unit ${target.unitCode}`);
    }
    return dbErrors(() => this.targetRepo.create(target, { who, why }));
  }

  async updateTarget(id: number, body: unknown, who: string): Promise<StoredTarget> {
    const patch = parseAdminInput(targetPatchSchema, body, 'TARGET_INVALID');
    const current = await this.targetRepo.get(id);
    if (current === null || current.retiredAt !== null) {
      throw notFound('TARGET_NOT_FOUND', `no live target ${id}`);
    }
    const applied = applyTargetPatch(
      {
        year: current.year,
        rule: ruleOf(current),
        source: current.source,
        ref: current.ref ?? null,
      },
      patch,
    );
    if ('error' in applied) throw new DomainError('invalid', 'TARGET_INVALID', applied.error);
    const updated = await dbErrors(() =>
      this.targetRepo.update(id, applied.change, { who, why: patch.why }),
    );
    if (updated === null) throw notFound('TARGET_NOT_FOUND', `no live target ${id}`);
    return updated;
  }

  async retireTarget(id: number, body: unknown, who: string): Promise<StoredTarget> {
    const { why } = parseAdminInput(reasonSchema, body, 'TARGET_INVALID');
    const retired = await this.targetRepo.retire(id, { who, why });
    if (retired === null) throw notFound('TARGET_NOT_FOUND', `no live target ${id}`);
    return retired;
  }
}

function ruleOf(t: StoredTarget): TargetRule {
  if (t.op === 'between') return { op: t.op, min: t.min, max: t.max };
  if (t.op === 'reached') return { op: t.op };
  return { op: t.op, value: t.value };
}

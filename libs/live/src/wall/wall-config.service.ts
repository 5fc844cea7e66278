import type { AuditSink } from '@ioc/contracts';
import { z } from 'zod';
import {
  DomainError,
  defaultWallDisplay,
  defaultWallScenes,
  invalidInput,
  issuesOf,
  parseInput,
  unitCodeParam,
  wallConfigBodySchema,
  type Issue,
  type WallConfig,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { WallConfigRepository, type StoredWallConfig } from './wall-config.repository';

/** The audit trail (libs/auth `AuditLog` implements it). */
export type WallAudit<A> = AuditSink<A>;

export interface WallConfigDeps<A> {
  units: { exists(code: string): Promise<boolean> };
  /** Is the code in the metric catalogue (sensor metrics)? */
  metricExists(code: string): boolean | Promise<boolean>;
  /** Is the code in the Resolution 57 indicator catalogue? */
  indicatorExists(code: string): boolean | Promise<boolean>;
  audit?: WallAudit<A>;
  /** After a save committed (e.g. push a WS message so walls refetch at once). */
  onChanged?: (config: WallConfig) => void;
}

const UNIT_QUERY = z.object({ unit: unitCodeParam });

function view(unitCode: string, stored: StoredWallConfig | null): WallConfig {
  if (!stored) {
    return {
      unitCode,
      rotate: true,
      scenes: defaultWallScenes(),
      display: defaultWallDisplay(),
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    unitCode,
    rotate: stored.rotate,
    scenes: stored.scenes,
    display: stored.display ?? defaultWallDisplay(),
    updatedAt: stored.updatedAt.toISOString(),
    updatedBy: stored.updatedBy,
  };
}

/**
 * What a unit's video wall shows: the saved scene list, or the built-in one. Saves are
 * validated as a whole (every bad field listed), audited, and announced via `onChanged`.
 */
export class WallConfigService<A = unknown> {
  private readonly repo: WallConfigRepository;

  constructor(
    db: Queryable,
    private readonly deps: WallConfigDeps<A>,
  ) {
    this.repo = new WallConfigRepository(db);
  }

  async get(unit: unknown): Promise<WallConfig> {
    const code = await this.unit(unit);
    return view(code, await this.repo.get(code));
  }

  async put(unit: unknown, body: unknown, actor: A, updatedBy: string): Promise<WallConfig> {
    const code = await this.unit(unit);
    const r = wallConfigBodySchema.safeParse(body ?? {});
    const issues: Issue[] = r.success ? [] : issuesOf(r.error);
    // Catalogue checks run even when other fields are wrong, so one answer lists everything.
    const scenes = r.success ? r.data.scenes : scenesOf(body);
    for (const [i, s] of scenes.entries()) {
      const m = s.measure as { kind?: unknown; metric?: unknown; code?: unknown } | undefined;
      if (
        m?.kind === 'metric' &&
        typeof m.metric === 'string' &&
        !(await this.deps.metricExists(m.metric))
      )
        issues.push({
          path: `scenes.${String(i)}.measure.metric`,
          message: `no metric ${m.metric} in the metric catalogue`,
        });
      if (
        m?.kind === 'indicator' &&
        typeof m.code === 'string' &&
        !(await this.deps.indicatorExists(m.code))
      )
        issues.push({
          path: `scenes.${String(i)}.measure.code`,
          message: `no indicator ${m.code} in the indicator catalogue`,
        });
    }
    if (!r.success || issues.length > 0) throw invalidInput('WALL_CONFIG_INVALID', issues);
    const before = await this.repo.get(code);
    const saved = view(
      code,
      await this.repo.put({
        unitCode: code,
        rotate: r.data.rotate,
        scenes: r.data.scenes,
        // A body without `display` (an older admin client, a script) keeps the wall's own.
        display: r.data.display ?? before?.display ?? null,
        updatedBy,
      }),
    );
    await this.deps.audit?.record(actor, {
      action: 'wall_config.update',
      targetKind: 'wall_config',
      targetId: code,
      unitCode: code,
      detail: {
        rotate: saved.rotate,
        scenes: saved.scenes.map((s) => `${s.id}${s.enabled ? '' : ' (off)'}`),
        previous: before ? before.scenes.map((s) => s.id) : 'defaults',
        display: saved.display,
      },
    });
    this.deps.onChanged?.(saved);
    return saved;
  }

  private async unit(unit: unknown): Promise<string> {
    if (unit === undefined || unit === null || unit === '') {
      throw new DomainError('invalid', 'UNIT_REQUIRED', 'unit: give ?unit=<code>', {
        issues: [{ path: 'unit', message: 'required' }],
      });
    }
    const { unit: code } = parseInput(UNIT_QUERY, { unit }, 'QUERY_INVALID');
    if (!(await this.deps.units.exists(code)))
      throw new DomainError(
        'not_found',
        'UNIT_NOT_FOUND',
        `No administrative unit with code ${code}`,
      );
    return code;
  }
}

function scenesOf(body: unknown): { measure?: unknown }[] {
  const scenes = (body as { scenes?: unknown } | null)?.scenes;
  return Array.isArray(scenes)
    ? scenes.filter((s): s is { measure?: unknown } => typeof s === 'object' && s !== null)
    : [];
}

import type { AuditSink } from '@ioc/contracts';
import { z } from 'zod';
import {
  DomainError,
  SCENE_KINDS,
  SCENE_OVERLAYS,
  defaultWallScenes,
  type WallConfig,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { unitCodeParam } from '../common/query';
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

const title = z.string().trim().min(1).max(120);

const measureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('metric'), metric: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('indicator'), code: z.string().min(1).max(128) }),
  z.strictObject({ kind: z.literal('none') }),
]);

const sceneSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -, 1–40 characters'),
  kind: z.enum(SCENE_KINDS),
  titleVi: title.optional(),
  titleEn: title.optional(),
  durationSec: z.number().int('whole seconds').min(10).max(3600),
  enabled: z.boolean(),
  measure: measureSchema,
  overlays: z.array(z.enum(SCENE_OVERLAYS)).max(SCENE_OVERLAYS.length),
});

/** Body of `PUT /api/v1/wall/config?unit=`. */
export const wallConfigBodySchema = z
  .strictObject({
    rotate: z.boolean(),
    scenes: z.array(sceneSchema).min(1).max(50),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.scenes.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['scenes', i, 'id'],
          message: `duplicate scene id ${s.id} (also scenes.${String(first)})`,
        });
      else seen.set(s.id, i);
      const dup = s.overlays.find((o, j) => s.overlays.indexOf(o) !== j);
      if (dup !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['scenes', i, 'overlays'],
          message: `overlay ${dup} listed twice`,
        });
    });
    if (!v.scenes.some((s) => s.enabled))
      ctx.addIssue({
        code: 'custom',
        path: ['scenes'],
        message: 'at least one scene must be enabled',
      });
  });

type Issue = { path: string; message: string };

function invalid(issues: Issue[]): DomainError {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new DomainError('invalid', 'WALL_CONFIG_INVALID', message, { issues });
}

function view(unitCode: string, stored: StoredWallConfig | null): WallConfig {
  if (!stored) {
    return {
      unitCode,
      rotate: true,
      scenes: defaultWallScenes(),
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    unitCode,
    rotate: stored.rotate,
    scenes: stored.scenes,
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
    const issues: Issue[] = r.success
      ? []
      : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
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
    if (!r.success || issues.length > 0) throw invalid(issues);
    const before = await this.repo.get(code);
    const saved = view(
      code,
      await this.repo.put({
        unitCode: code,
        rotate: r.data.rotate,
        scenes: r.data.scenes,
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
    const r = unitCodeParam.safeParse(unit);
    if (!r.success)
      throw new DomainError(
        'invalid',
        'QUERY_INVALID',
        `unit: ${r.error.issues[0]?.message ?? 'invalid'}`,
        {
          issues: [{ path: 'unit', message: r.error.issues[0]?.message ?? 'invalid' }],
        },
      );
    if (!(await this.deps.units.exists(r.data)))
      throw new DomainError(
        'not_found',
        'UNIT_NOT_FOUND',
        `No administrative unit with code ${r.data}`,
      );
    return r.data;
  }
}

function scenesOf(body: unknown): { measure?: unknown }[] {
  const scenes = (body as { scenes?: unknown } | null)?.scenes;
  return Array.isArray(scenes)
    ? scenes.filter((s): s is { measure?: unknown } => typeof s === 'object' && s !== null)
    : [];
}

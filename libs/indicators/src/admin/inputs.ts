import { z } from 'zod';
import { parseInput, targetCreateBody, targetPatchBody } from '@ioc/contracts';
import type { TargetRule } from '../catalogue/schema';
import type { TargetChange, TargetInput } from '../repo/target.repository';

/**
 * Input schemas of the admin API and the `ioc` CLI, shared so that both refuse the same things
 * with the same messages. Every change carries `why` (kept in the change log with `who`).
 */

type RuleFields = { op: TargetRule['op'] } & Partial<
  Record<'value' | 'min' | 'max', number | null | undefined>
>;

/** The comparator the fields describe, or what is wrong with them. */
function toRule(f: RuleFields): TargetRule | string {
  const has = (k: 'value' | 'min' | 'max'): boolean => f[k] !== undefined && f[k] !== null;
  if (f.op === 'between') {
    if (!has('min') || !has('max') || has('value')) return 'between takes min and max';
    if ((f.min ?? 0) > (f.max ?? 0)) return 'min must not exceed max';
    return { op: 'between', min: f.min ?? 0, max: f.max ?? 0 };
  }
  if (f.op === 'reached') {
    if (has('value') || has('min') || has('max')) return 'reached takes no value';
    return { op: 'reached' };
  }
  if (!has('value') || has('min') || has('max')) return `${f.op} takes a value`;
  return { op: f.op, value: f.value ?? 0 };
}

export const targetCreateSchema = targetCreateBody.transform(
  (t, ctx): { target: TargetInput; why: string } => {
    const rule = toRule(t);
    if (typeof rule === 'string') {
      ctx.addIssue({ code: 'custom', message: rule, path: ['op'] });
      return z.NEVER;
    }
    const target: TargetInput = {
      indicator: t.indicator,
      unitCode: t.unitCode,
      year: t.year,
      rule,
      source: t.source ?? null,
      ref: t.ref ?? null,
    };
    return { target, why: t.why };
  },
);

export const targetPatchSchema = targetPatchBody;

export type TargetPatch = z.infer<typeof targetPatchSchema>;

/**
 * Applies an edit to a stored target: a new `op` replaces the whole comparator (its numbers come
 * from the edit); numbers alone adjust the stored comparator.
 */
export function applyTargetPatch(
  current: TargetChange,
  patch: TargetPatch,
): { change: TargetChange } | { error: string } {
  const stored = current.rule;
  const fields: RuleFields =
    patch.op === undefined
      ? {
          op: stored.op,
          value: patch.value ?? ('value' in stored ? stored.value : undefined),
          min: patch.min ?? ('min' in stored ? stored.min : undefined),
          max: patch.max ?? ('max' in stored ? stored.max : undefined),
        }
      : { op: patch.op, value: patch.value, min: patch.min, max: patch.max };
  const rule = toRule(fields);
  if (typeof rule === 'string') return { error: rule };
  return {
    change: {
      year: patch.year ?? current.year,
      rule,
      source: patch.source === undefined ? current.source : patch.source,
      ref: patch.ref === undefined ? current.ref : patch.ref,
    },
  };
}

export {
  indicatorCreateBody as indicatorCreateSchema,
  indicatorPatchBody as indicatorPatchSchema,
  feedCreateBody as feedCreateSchema,
  reasonBody as reasonSchema,
} from '@ioc/contracts';

/** Parses admin input or throws DomainError('invalid') listing every problem. */
export function parseAdminInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code = 'INPUT_INVALID',
): z.output<S> {
  return parseInput(schema, input, code);
}

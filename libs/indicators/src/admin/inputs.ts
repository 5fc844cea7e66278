import { z } from 'zod';
import { DomainError } from '@ioc/contracts';
import { indicatorSchema, NUMERIC_OPS, type TargetRule } from '../catalogue/schema';
import type { TargetChange, TargetInput } from '../repo/target.repository';

/**
 * Input schemas of the admin API and the `ioc` CLI, shared so that both refuse the same things
 * with the same messages. Every change carries `why` (kept in the change log with `who`).
 */

const why = z
  .string({
    error: (i) => (i.input === undefined ? 'required: say why the change is made' : 'text'),
  })
  .trim()
  .min(2, 'say why (at least 2 characters)')
  .max(500);
const text = z.string().trim().min(1).max(500);
const nullableText = z.string().trim().max(2000).nullable();
const unitCode = z.string().regex(/^(\d{2}|\d{5})$/, 'a 2-digit province or 5-digit commune code');
const year = z.number().int().min(2000).max(2100);
const finite = z.number().refine(Number.isFinite, 'a finite number');

export const indicatorCreateSchema = z.object({ indicator: indicatorSchema, why });

export const indicatorPatchSchema = z
  .object({
    nameVi: text.optional(),
    nameEn: text.optional(),
    numeratorVi: nullableText.optional(),
    denominatorVi: nullableText.optional(),
    leadAgencyVi: text.optional(),
    notes: nullableText.optional(),
    why,
  })
  .strict()
  .refine((p) => Object.keys(p).some((k) => k !== 'why'), {
    message: 'nothing to change: give at least one field besides why',
  });

/** A comparator as sent: op with value, or min and max for `between`, or nothing for `reached`. */
const ruleFields = {
  op: z.enum([...NUMERIC_OPS, 'between', 'reached']),
  value: finite.nullish(),
  min: finite.nullish(),
  max: finite.nullish(),
};

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

export const targetCreateSchema = z
  .object({
    indicator: z.string().min(1),
    unitCode,
    year,
    ...ruleFields,
    source: z.string().min(1).nullish(),
    ref: nullableText.optional(),
    why,
  })
  .strict()
  .transform((t, ctx): { target: TargetInput; why: string } => {
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
  });

/** Fields of a target edit; those left out keep their stored value. */
export const targetPatchSchema = z
  .object({
    year: year.optional(),
    op: ruleFields.op.optional(),
    value: ruleFields.value,
    min: ruleFields.min,
    max: ruleFields.max,
    source: z.string().min(1).nullish(),
    ref: nullableText.optional(),
    why,
  })
  .strict();

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

const codeList = z.array(z.string().trim().min(1)).min(1).nullable();

export const feedCreateSchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lower-case letters, digits, - and _ (2–64)'),
    name: text,
    cadence: z.enum(['monthly', 'quarterly', 'yearly']).default('monthly'),
    dueDay: z.number().int().min(1).max(28).default(10),
    allowedIndicators: codeList.default(null),
    allowedUnits: codeList.default(null),
    why: why.default('feed created'),
  })
  .strict();

export const reasonSchema = z.object({ why }).strict();

/** Parses admin input or throws DomainError('invalid') listing every problem. */
export function parseAdminInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code = 'INPUT_INVALID',
): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
  );
  throw new DomainError('invalid', code, problems.join('; '), { problems });
}

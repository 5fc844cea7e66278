import { z } from 'zod';

/** Timestamps on the wire: ISO-8601 strings in UTC (`2026-03-01T07:00:00.000Z`). */
export const isoTime = z
  .string()
  .meta({ format: 'date-time', examples: ['2026-03-01T07:00:00.000Z'] });

/** A 2-digit province code or a 5-digit commune/ward code (official codes). */
export const unitCodeParam = z
  .string()
  .regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code')
  .meta({
    description: 'Administrative unit: 2-digit province or 5-digit commune code',
    examples: ['20314'],
  });

/** An ISO-8601 instant or epoch milliseconds, as a query parameter. */
export const instantParam = z
  .string()
  .trim()
  .min(1)
  .transform((v, ctx) => {
    const ms = /^\d{10,}$/.test(v) ? Number(v) : Date.parse(v);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'not an ISO-8601 time or epoch milliseconds' });
      return z.NEVER;
    }
    return new Date(ms);
  })
  .meta({ description: 'ISO-8601 time or epoch milliseconds', examples: ['2026-03-01T00:00:00Z'] });

/** Page size of a list query: an integer 1…max, `fallback` when omitted. */
export const limitParam = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** Opaque keyset cursor of a paginated answer (`nextCursor`). */
export const cursorParam = z
  .string()
  .max(512)
  .meta({ description: 'nextCursor of the previous page (opaque)' });

/** `true`/`false` in a query string. */
export const booleanParam = z.enum(['true', 'false']);

/** Device and gateway ids appear in MQTT topics and COPY rows: a safe alphabet, ≤ 64. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** `{id}` of a path. */
export const idParams = z.object({ id: z.string().min(1).max(128) });
/** `{code}` of a path. */
export const codeParams = z.object({ code: z.string().min(1).max(128) });

/** `{asOf, items}`: the envelope of every list answer. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ asOf: isoTime, items: z.array(item) });
}

/** Empty answers (204). */
export const noContent = z.undefined();

/**
 * Tolerant reading of a list for clients: each item is parsed on its own, so one malformed row
 * is dropped (and reported through `onDrop`) instead of hiding the rest of the list.
 */
export function parseItems<T extends z.ZodType>(
  items: readonly unknown[],
  schema: T,
  onDrop?: (issues: z.core.$ZodIssue[], item: unknown) => void,
): z.output<T>[] {
  const out: z.output<T>[] = [];
  for (const item of items) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else onDrop?.(r.error.issues, item);
  }
  return out;
}

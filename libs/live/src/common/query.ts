import { z } from 'zod';
import { DomainError } from '@ioc/contracts';

/**
 * Validates query parameters or a body with a zod schema; every problem becomes one 400
 * `{ error: { code, message, details } }` naming the fields.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code = 'QUERY_INVALID',
): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new DomainError('invalid', code, message, { issues });
}

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
  });

export const unitCodeParam = z
  .string()
  .regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code');

export const limitParam = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** Opaque keyset cursors: base64url JSON, so clients cannot depend on their shape. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  schema: S,
  cursor: string | undefined,
): z.infer<S> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('invalid', 'CURSOR_INVALID', 'cursor is not one this API returned');
  }
  const r = schema.safeParse(json);
  if (!r.success)
    throw new DomainError('invalid', 'CURSOR_INVALID', 'cursor is not one this API returned');
  return r.data;
}

/** Where the live services look up administrative units (geo's UnitDirectory satisfies it). */
export interface LiveUnits {
  parentOf(code: string): string | null;
  exists(code: string): Promise<boolean>;
  selfAndDescendants(code: string): Promise<string[]>;
}

export async function requireUnit(units: LiveUnits, code: string): Promise<string[]> {
  if (!(await units.exists(code))) {
    throw new DomainError(
      'not_found',
      'UNIT_NOT_FOUND',
      `No administrative unit with code ${code}`,
    );
  }
  return units.selfAndDescendants(code);
}

/** The unit itself and its parent, for channels that show a ward's events on the province too. */
export function unitAndParent(units: Pick<LiveUnits, 'parentOf'>, code: string | null): string[] {
  if (!code) return [];
  const parent = units.parentOf(code);
  return parent ? [code, parent] : [code];
}

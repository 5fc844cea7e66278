import type { z } from 'zod';
import { DomainError } from '@ioc/contracts';

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

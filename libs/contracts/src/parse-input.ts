import type { z } from 'zod';
import { DomainError } from './domain-error';
import type { ErrorDetails, Issue } from './errors';

/** zod's issues as the API reports them: a dotted path ('' for the whole value) and a message. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** One `invalid` error listing every issue: `path: message; …` and `details.issues`. */
export function invalidInput(
  code: string,
  issues: readonly Issue[],
  extra: Omit<ErrorDetails, 'issues'> = {},
): DomainError {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new DomainError('invalid', code, message || 'invalid input', { ...extra, issues });
}

/**
 * The one way input (path parameters, query, body, CLI flags, a WebSocket message) is checked:
 * parsed with its contract schema, or refused with a 400 `DomainError('invalid')` naming every
 * problem. A missing value (no body) is parsed as `{}` so that "required" is what gets reported.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code = 'INVALID_REQUEST',
): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  throw invalidInput(code, issuesOf(r.error));
}

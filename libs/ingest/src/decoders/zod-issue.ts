import type { z } from 'zod';

/** First zod issue as `path: message`, enough for a dead-letter row without dumping the schema. */
export function firstIssue(error: z.ZodError): string {
  const first = error.issues[0];
  return first === undefined ? 'invalid' : `${first.path.join('.') || '(root)'}: ${first.message}`;
}

import { z } from 'zod';

/** One problem with a request: the dotted path of the field ('' for the whole value). */
export interface Issue {
  path: string;
  message: string;
}

/**
 * `error.details` of every answer that has details: `issues` always (possibly empty), and a few
 * errors add their own facts beside it (an ingest refusal its `rejected` elements, a units import
 * its per-feature `errors`, a lifecycle conflict `from` and `action`).
 */
export type ErrorDetails = { issues: readonly Issue[] } & Record<string, unknown>;

/**
 * Wire shape of every error answer of the HTTP API. The server always sends `ErrorDetails` when
 * it sends details; a client reads a body it has not checked yet, hence `unknown` (parse with
 * `apiErrorSchema` to get them typed).
 */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const issueSchema = z
  .object({
    path: z.string().meta({ description: 'Dotted path of the field; empty for the whole value' }),
    message: z.string(),
  })
  .meta({ id: 'Issue' });

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'Stable, upper-case error code', examples: ['UNIT_NOT_FOUND'] }),
      message: z.string().meta({ description: 'For humans; may change' }),
      details: z
        .looseObject({ issues: z.array(issueSchema) })
        .optional()
        .meta({
          description: 'Every problem found (a 400 lists them all), plus facts of the error',
        }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error answer: one code, one message, the issues' });

import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RefusalTally } from '@ioc/auth';
import { DomainError, type ApiErrorBody, type ErrorKind } from '@ioc/contracts';
import { ConfigError } from '@ioc/config';
import { BackpressureError } from '@ioc/ingest';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * The one place errors become HTTP answers, in the one shape of `apiErrorSchema` (contracts):
 * `{ error: { code, message, details?: { issues: [{ path, message }], … } } }` with the right
 * status. Details come from DomainErrors only (parseInput lists every bad field there).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() @Inject(RefusalTally) private readonly refusals?: RefusalTally) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = toResponse(exception);
    if (status === 401 && this.refusals) {
      const req = host.switchToHttp().getRequest<FastifyRequest>();
      // The route's pattern, never the raw URL: a query may carry a token.
      const route = req.routeOptions.url ?? req.url.split('?')[0] ?? '';
      this.refusals.note(req.ip || null, body.error.code, `${req.method} ${route}`);
    }
    if (status >= 500 && !(exception instanceof BackpressureError)) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
    // Always JSON, even when the route had set another content type (e.g. text/plain on /metrics).
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  }
}

export function toResponse(exception: unknown): {
  status: number;
  body: ApiErrorBody;
  headers: Record<string, string>;
} {
  if (exception instanceof DomainError) {
    return {
      status: STATUS[exception.kind],
      body: {
        error: {
          code: exception.code,
          message: exception.message,
          ...(exception.details ? { details: exception.details } : {}),
        },
      },
      headers: {},
    };
  }
  if (exception instanceof BackpressureError) {
    return {
      status: 503,
      body: { error: { code: exception.code, message: exception.message } },
      headers: { 'retry-after': String(exception.retryAfterSeconds) },
    };
  }
  if (exception instanceof ConfigError) {
    return {
      status: 500,
      body: { error: { code: 'CONFIG_INVALID', message: exception.message } },
      headers: {},
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      status,
      body: { error: { code: httpCode(status), message: exception.message } },
      headers: {},
    };
  }
  // PostgreSQL refusing text it cannot hold (a NUL, a bad escape) that validation let through:
  // the input was the client's, so it is a 400 and never a 500.
  const pgCode = (exception as { code?: unknown } | null)?.code;
  if (pgCode === '22021' || pgCode === '22P05') {
    return {
      status: 400,
      body: {
        error: {
          code: 'INPUT_UNSTORABLE',
          message: 'The request holds characters that cannot be stored (e.g. NUL)',
        },
      },
      headers: {},
    };
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: {
        error: {
          code: fastifyError.code ?? httpCode(fastifyError.statusCode),
          message: fastifyError.message ?? 'Bad request',
        },
      },
      headers: {},
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Internal server error' } },
    headers: {},
  };
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}

import type { ArgumentsHost } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { RefusalTally } from '@ioc/auth';
import { ConfigError } from '@ioc/config';
import { DomainError } from '@ioc/contracts';
import { BackpressureError } from '@ioc/ingest';
import { ErrorFilter, toResponse } from './error.filter';

describe('toResponse', () => {
  it('answers 400, not 500, when PostgreSQL cannot hold the text a client sent', () => {
    for (const code of ['22021', '22P05']) {
      const pg = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
        code,
      });
      expect(toResponse(pg)).toMatchObject({
        status: 400,
        body: { error: { code: 'INPUT_UNSTORABLE' } },
      });
    }
  });

  it('keeps any other unexpected error a 500 that tells nothing', () => {
    expect(toResponse(Object.assign(new Error('boom'), { code: '42P01' }))).toMatchObject({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal server error' } },
    });
  });

  it('maps each kind of DomainError to its status, with its code, message and details', () => {
    const cases = [
      ['invalid', 400],
      ['unauthorized', 401],
      ['forbidden', 403],
      ['not_found', 404],
      ['conflict', 409],
      ['too_large', 413],
      ['unsupported_media', 415],
      ['rate_limited', 429],
      ['unavailable', 503],
    ] as const;
    for (const [kind, status] of cases) {
      expect(toResponse(new DomainError(kind, 'SOME_CODE', 'told')).status).toBe(status);
    }
    const details = { issues: [{ path: 'unit', message: 'required' }] };
    expect(toResponse(new DomainError('invalid', 'UNIT_INVALID', 'bad', details))).toEqual({
      status: 400,
      body: { error: { code: 'UNIT_INVALID', message: 'bad', details } },
      headers: {},
    });
    // No details given: none in the body (not `details: undefined`).
    expect(toResponse(new DomainError('conflict', 'TAKEN', 'x')).body.error).not.toHaveProperty(
      'details',
    );
  });

  it('answers a full ingest buffer 503 with Retry-After', () => {
    expect(toResponse(new BackpressureError(7))).toEqual({
      status: 503,
      body: { error: { code: 'INGEST_BACKPRESSURE', message: expect.any(String) as unknown } },
      headers: { 'retry-after': '7' },
    });
  });

  it('keeps a framework refusal under 500 with its own status and code', () => {
    const tooBig = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toResponse(tooBig)).toMatchObject({
      status: 413,
      body: { error: { code: 'FST_ERR_CTP_BODY_TOO_LARGE' } },
    });
    expect(toResponse(new NotFoundException('Cannot GET /nope'))).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    // A framework error that claims 5xx tells the client nothing of it.
    expect(
      toResponse(Object.assign(new Error('socket hang up'), { statusCode: 502 })),
    ).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL' } } });
  });

  it('names a configuration error as such', () => {
    expect(toResponse(new ConfigError(['PORT: expected a number']))).toMatchObject({
      status: 500,
      body: { error: { code: 'CONFIG_INVALID' } },
    });
  });
});

describe('ErrorFilter', () => {
  function host(url: string, routeUrl: string | undefined) {
    const sent: {
      status?: number;
      type?: string;
      body?: unknown;
      headers: Record<string, string>;
    } = { headers: {} };
    const reply = {
      header(k: string, v: string) {
        sent.headers[k] = v;
        return reply;
      },
      status(s: number) {
        sent.status = s;
        return reply;
      },
      type(t: string) {
        sent.type = t;
        return reply;
      },
      send(b: unknown) {
        sent.body = b;
        return reply;
      },
    };
    const req = { method: 'GET', url, ip: '10.0.0.9', routeOptions: { url: routeUrl } };
    const h = {
      switchToHttp: () => ({
        getResponse: () => reply as unknown as FastifyReply,
        getRequest: () => req as unknown as FastifyRequest,
      }),
    } as unknown as ArgumentsHost;
    return { h, sent };
  }

  const tally = () => {
    const notes: [string | null, string, string][] = [];
    const t = {
      note: (ip: string | null, code: string, route: string) => {
        notes.push([ip, code, route]);
      },
    };
    return { notes, tally: t as unknown as RefusalTally };
  };

  it('notes a 401 under the route pattern, never the URL that may carry a token', () => {
    const { notes, tally: t } = tally();
    const { h, sent } = host('/api/v1/wall/48?token=iocd_secret', '/api/v1/wall/:unit');
    new ErrorFilter(t).catch(new DomainError('unauthorized', 'AUTH_INVALID_TOKEN', 'no'), h);
    expect(notes).toEqual([['10.0.0.9', 'AUTH_INVALID_TOKEN', 'GET /api/v1/wall/:unit']]);
    expect(sent.status).toBe(401);
  });

  it('falls back to the path without its query when no route matched', () => {
    const { notes, tally: t } = tally();
    const { h } = host('/api/v1/nowhere?token=iocs_secret', undefined);
    new ErrorFilter(t).catch(new DomainError('unauthorized', 'AUTH_REQUIRED', 'no'), h);
    expect(notes).toEqual([['10.0.0.9', 'AUTH_REQUIRED', 'GET /api/v1/nowhere']]);
  });

  it('notes nothing but 401s, and always answers JSON with the error’s headers', () => {
    const { notes, tally: t } = tally();
    const { h, sent } = host('/metrics', '/metrics');
    new ErrorFilter(t).catch(new BackpressureError(3), h);
    expect(notes).toEqual([]);
    expect(sent).toMatchObject({
      status: 503,
      type: 'application/json; charset=utf-8',
      headers: { 'retry-after': '3' },
    });
  });
});

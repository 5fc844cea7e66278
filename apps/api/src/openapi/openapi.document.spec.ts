import { describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { ROUTES } from '@ioc/contracts';
import { buildOpenApiDocument } from './openapi.document';

describe('the OpenAPI document built from the route table', () => {
  const doc = buildOpenApiDocument();

  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('has one operation per route, with a unique id and both languages', () => {
    const ids = ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ROUTES) {
      const op = doc.paths?.[r.path]?.[r.method.toLowerCase() as 'get'];
      expect(op?.operationId, `${r.method} ${r.path}`).toBe(r.operationId);
      expect(op?.summary).toContain(r.summary.vi);
      expect(op?.summary).toContain(r.summary.en);
    }
  });

  it('answers every error with the one error shape', () => {
    for (const item of Object.values(doc.paths ?? {})) {
      for (const op of Object.values(item)) {
        const responses = (op as { responses?: Record<string, { content?: unknown }> }).responses;
        for (const [status, res] of Object.entries(responses ?? {})) {
          if (Number(status) < 400 || status === '422' || status === '503') continue;
          expect(res.content).toEqual({
            'application/json': { schema: { $ref: '#/components/schemas/Error' } },
          });
        }
      }
    }
  });
});

/**
 * The machine-readable API description: `/api/openapi.json` is a valid OpenAPI 3.1 document
 * (checked with @readme/openapi-parser), and it describes exactly the routes the server holds —
 * every route of Fastify's table is documented, and every documented operation exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Fastify's `/api/v1/units/:code` as OpenAPI writes it: `/api/v1/units/{code}`. */
function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

describe('OpenAPI document (embedded, access control on)', () => {
  let platform: TestPlatform;
  let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    platform = await startTestPlatform();
    // Public: fetched without any credential.
    const res = await fetch(`${platform.httpUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    doc = (await res.json()) as typeof doc;
  }, 120_000);

  afterAll(async () => {
    await platform.dispose();
  });

  it('validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it("documents every route of the server's table, and only those", () => {
    // The live table: every route Fastify registered, joined with Nest's controller routes.
    // Web app pages (registered on Fastify directly, outside /api) are not part of the API.
    const served = platform.ctx.auth.routes
      .list()
      .filter((r) => r.source === 'nest')
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        METHODS.filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    expect(served.length).toBeGreaterThan(60);
    expect(
      documented.filter((r) => !served.includes(r)),
      'documented but not served',
    ).toEqual([]);
    expect(
      served.filter((r) => !documented.includes(r)),
      'served but not documented',
    ).toEqual([]);
    const outside = platform.ctx.auth.routes.list().filter((r) => r.source === 'fastify');
    expect(outside.filter((r) => r.path.startsWith('/api/'))).toEqual([]);
  });

  it('names the credentials each operation accepts', () => {
    const op = (method: string, path: string) =>
      doc.paths[path]?.[method] as { security?: Record<string, unknown>[] } | undefined;
    const schemes = (method: string, path: string) =>
      (op(method, path)?.security ?? []).flatMap((s) => Object.keys(s)).sort();
    expect(schemes('post', '/api/v1/telemetry')).toEqual(['deviceToken']);
    expect(schemes('post', '/api/v1/lorawan/ttn')).toEqual(['webhookSecret']);
    expect(schemes('post', '/api/v1/feeds/{code}/reports')).toEqual(['feedKey', 'feedKeyHeader']);
    expect(schemes('get', '/api/v1/devices')).toEqual([
      'displayToken',
      'displayTokenQuery',
      'session',
    ]);
    expect(schemes('post', '/api/v1/devices')).toEqual(['session']);
    expect(schemes('get', '/api/v1/health')).toEqual([]);
  });

  it('serves the reference page and its files without credentials', async () => {
    const page = await fetch(`${platform.httpUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const url = src[1] ?? '';
      expect(url, 'the page only loads files of this server').toMatch(/^\/api\/docs\//);
      expect((await fetch(`${platform.httpUrl}${url}`)).status, url).toBe(200);
    }
    expect((await fetch(`${platform.httpUrl}/api/docs/package.json`)).status).toBe(404);
  });
});

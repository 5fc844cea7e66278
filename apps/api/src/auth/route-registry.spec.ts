import { describe, expect, it } from 'vitest';
import { RouteRegistry } from './route-registry';

describe('RouteRegistry', () => {
  it('joins Fastify’s routes with the Nest routes’ policies, a Fastify-only route without one', () => {
    const r = new RouteRegistry();
    r.addFastifyRoute(['GET', 'HEAD'], '/api/v1/units');
    r.addFastifyRoute('get', '/api/v1/raw');
    r.setNestRoutes([
      { method: 'get', path: '/api/v1/units', policy: { kind: 'access', action: 'read' } },
    ]);
    expect(r.list()).toEqual([
      { method: 'GET', path: '/api/v1/raw', policy: null, source: 'fastify' },
      {
        method: 'GET',
        path: '/api/v1/units',
        policy: { kind: 'access', action: 'read' },
        source: 'nest',
      },
    ]);
  });

  it('leaves out the HEAD twin of a GET and the methods of a Nest ALL route', () => {
    const r = new RouteRegistry();
    r.addFastifyRoute(['GET', 'HEAD', 'POST', 'DELETE'], '/api/v1/any');
    r.addFastifyRoute('HEAD', '/api/v1/head-only');
    r.setNestRoutes([{ method: 'ALL', path: '/api/v1/any', policy: { kind: 'public' } }]);
    expect(r.list().map((e) => `${e.method} ${e.path} ${e.source}`)).toEqual([
      'ALL /api/v1/any nest',
    ]);
    expect(r.isNestRoute('delete', '/api/v1/any')).toBe(true);
    expect(r.isNestRoute('GET', '/api/v1/head-only')).toBe(false);
  });

  it('replaces the Nest routes on each bootstrap rather than accumulating them', () => {
    const r = new RouteRegistry();
    r.setNestRoutes([{ method: 'GET', path: '/a', policy: null }]);
    r.setNestRoutes([{ method: 'GET', path: '/b', policy: null }]);
    expect(r.isNestRoute('GET', '/a')).toBe(false);
    expect(r.list().map((e) => e.path)).toEqual(['/b']);
  });

  it('lists routes sorted by path, then method', () => {
    const r = new RouteRegistry();
    r.addFastifyRoute('POST', '/b');
    r.addFastifyRoute('GET', '/b');
    r.addFastifyRoute('GET', '/a');
    expect(r.list().map((e) => `${e.method} ${e.path}`)).toEqual(['GET /a', 'GET /b', 'POST /b']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * The unit lists every map and wall reads are served from bodies cached per unit snapshot: the
 * same bytes with an ETag, 304 to a client that has them, a new body once the tree changes.
 */
describe('GET /api/v1/units: cached bodies', () => {
  let platform: TestPlatform;
  let wall = '';

  beforeAll(async () => {
    platform = await startTestPlatform();
    wall = await platform.displayToken('48');
  });
  afterAll(async () => {
    await platform.dispose();
  });

  it('answers JSON with an ETag, and 304 without a body to a client that has it', async () => {
    const first = await platform.api('/api/v1/units?parent=48', {}, wall);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const body = (await first.json()) as { asOf: string; items: { parentCode: string }[] };
    expect(body.items.length).toBeGreaterThan(40);
    expect(body.items.every((u) => u.parentCode === '48')).toBe(true);

    const again = await platform.api(
      '/api/v1/units?parent=48',
      { headers: { 'if-none-match': etag } },
      wall,
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another query is another body.
    const provinces = await platform.api('/api/v1/units?level=province', {}, wall);
    expect(provinces.headers.get('etag')).not.toBe(etag);
  });

  it('serves a new body once the unit tree is reloaded', async () => {
    const before = await platform.api('/api/v1/units?parent=48', {}, wall);
    const etag = before.headers.get('etag') ?? '';
    const asOf = ((await before.json()) as { asOf: string }).asOf;
    // What an import does after changing admin_unit: the snapshot is read again.
    await platform.ctx.pool.query(
      "UPDATE admin_unit SET name = name || ' (mới)' WHERE code = (SELECT min(code) FROM admin_unit WHERE parent_code = '48')",
    );
    platform.ctx.units.invalidate();
    const after = await platform.api(
      '/api/v1/units?parent=48',
      { headers: { 'if-none-match': etag } },
      wall,
    );
    expect(after.status).toBe(200);
    const body = (await after.json()) as { asOf: string; items: { name: string }[] };
    expect(body.items.some((u) => u.name.endsWith(' (mới)'))).toBe(true);
    expect(body.asOf >= asOf).toBe(true);
  });
});

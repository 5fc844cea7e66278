/**
 * What only this machine's own user may have in embedded mode: the bare /wall redirect that
 * carries the demo wall's display token is for requests made on this machine, not relayed by a
 * local reverse proxy; the database URL in DATA_DIR/runtime.json and the database socket beside
 * it are the platform account's alone.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('embedded mode keeps local secrets local', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  const wall = (headers: Record<string, string> = {}) =>
    fetch(`${platform.httpUrl}/wall`, { redirect: 'manual', headers });

  it('redirects a request made on this machine to the tokened wall', async () => {
    const res = await wall();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/wall\?.*token=iocd_/);
  });

  it.each([
    ['x-forwarded-for', '203.0.113.7'],
    ['forwarded', 'for=203.0.113.7'],
    ['x-real-ip', '203.0.113.7'],
  ])('gives no token to a request a local proxy relays (%s)', async (name, value) => {
    const res = await wall({ [name]: value });
    expect(res.status).not.toBe(302);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).not.toContain('iocd_');
  });

  it('keeps runtime.json and the database socket to the platform account', () => {
    expect(statSync(join(platform.dataDir, 'runtime.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(platform.dataDir, 'run')).mode & 0o777).toBe(0o700);
  });
});

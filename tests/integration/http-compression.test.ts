/**
 * Text responses are compressed for a client that accepts it (brotli first, gzip else) and
 * arrive byte-for-byte the same once decompressed; a client that asks for nothing gets them as
 * they are. Raw HTTP, so nothing decompresses behind the test's back.
 */
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

interface RawResponse {
  status: number;
  encoding: string | undefined;
  type: string | undefined;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          type: res.headers['content-type'],
          body: Buffer.concat(chunks),
        });
      });
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function decoded(r: RawResponse): string {
  if (r.encoding === 'br') return brotliDecompressSync(r.body).toString('utf8');
  if (r.encoding === 'gzip') return gunzipSync(r.body).toString('utf8');
  return r.body.toString('utf8');
}

describe('HTTP compression of text responses', () => {
  let platform: TestPlatform;
  let bundle = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    const js = readdirSync(join(WEB_DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f));
    if (!js) throw new Error(`no index-*.js in ${WEB_DIST}/assets: run npm run build:web`);
    bundle = `/assets/${js}`;
  });
  afterAll(async () => {
    await platform.dispose();
  });

  it('serves the web app bundle with brotli, then gzip, and plain to a client that asks for neither', async () => {
    const url = `${platform.httpUrl}${bundle}`;
    const plain = await get(url, {});
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    expect(decoded(br)).toBe(plain.body.toString('utf8'));
    // A JavaScript bundle shrinks to well under half.
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.encoding).toBe('gzip');
    expect(decoded(gz)).toBe(plain.body.toString('utf8'));
  });

  it('compresses API JSON and GeoJSON the same way, keeping their media types', async () => {
    const auth = { authorization: `Bearer ${platform.adminToken}` };
    for (const [path, type] of [
      ['/api/v1/units?parent=48', 'application/json'],
      ['/api/v1/basemap/land', 'application/geo+json'],
    ] as const) {
      const url = `${platform.httpUrl}${path}`;
      const plain = await get(url, auth);
      const br = await get(url, { ...auth, 'accept-encoding': 'br' });
      expect(plain.status, path).toBe(200);
      expect(br.encoding, path).toBe('br');
      expect(br.type, path).toContain(type);
      expect(JSON.parse(decoded(br)), path).toEqual(JSON.parse(plain.body.toString('utf8')));
    }
  });

  it('leaves a small answer as it is', async () => {
    const r = await get(`${platform.httpUrl}/api/v1/health`, { 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.body.length).toBeLessThan(1024);
    expect(r.encoding).toBeUndefined();
  });
});

/**
 * The street basemap end to end on the embedded platform: `ioc basemap import` run as an
 * operator would (`node bin/ioc.mjs`, reaching the running platform through DATA_DIR), then
 * the API serving the archive by HTTP range requests, read back by the maintained `pmtiles`
 * reader over HTTP as MapLibre's protocol reads it; refusals keep the active archive; removal;
 * BASEMAP_URL still wins. The archive is built here (tests/support/basemap-archive.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles, TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePmtiles } from '@ioc/basemap';
import { AN_HAI_BBOX, buildAnHaiArchive, type BasemapArchive } from '../support/basemap-archive';
import { iocOutput } from '../support/ingest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const ARCHIVES = '/api/v1/basemap/archives';

describe('basemap archive: CLI import, range serving, web-config (embedded)', () => {
  let platform: TestPlatform;
  let dir: string;
  let built: BasemapArchive;
  let file: string;
  let id = '';

  const ioc = (...args: string[]) => iocOutput(args, { DATA_DIR: platform.dataDir });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.httpUrl}${path}`, { headers });
  const webConfig = async () =>
    ((await (await get('/api/v1/web-config')).json()) as { basemap: string | null }).basemap;

  beforeAll(async () => {
    platform = await startTestPlatform();
    dir = mkdtempSync(join(tmpdir(), 'ioc-basemap-it-'));
    built = buildAnHaiArchive();
    file = join(dir, 'an-hai.pmtiles');
    writeFileSync(file, built.bytes);
  });
  afterAll(async () => {
    await platform.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves nothing before an import: web-config null, the archive route 404 in the one error shape', async () => {
    expect(await webConfig()).toBeNull();
    const res = await get(`${ARCHIVES}/0123456789abcdef.pmtiles`, { range: 'bytes=0-126' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'BASEMAP_NOT_FOUND' } });
    const status = await ioc('basemap', 'status');
    expect(status.code, status.out).toBe(0);
    expect(status.out).toContain('Chưa nhập bản đồ nền');
  });

  it('imports with the CLI; web-config names the served archive at once (no restart)', async () => {
    const r = await ioc('basemap', 'import', file);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Đã nhập bản đồ nền / basemap imported');
    expect(r.out).toContain('mvt, zoom 10–15');
    id = /id:\s+([0-9a-f]{16})/.exec(r.out)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(await webConfig()).toBe(`pmtiles://${ARCHIVES}/${id}.pmtiles`);
    const audit = await platform.ctx.pool.query<{ actor: string; target_id: string }>(
      `SELECT actor, target_id FROM audit_log WHERE action = 'basemap.import'`,
    );
    expect(audit.rows).toEqual([
      { actor: expect.stringMatching(/^cli:/) as unknown, target_id: id },
    ]);
  });

  it('answers range requests: 206 with the exact bytes, validators and cache headers; 416 past the end', async () => {
    const url = `${ARCHIVES}/${id}.pmtiles`;
    const size = built.bytes.length;
    const head = await get(url, { range: 'bytes=0-126' });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-126/${size}`);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(head.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(head.headers.get('cache-control')).toMatch(/public, max-age=\d+, immutable/);
    expect(head.headers.get('last-modified')).not.toBeNull();
    const etag = head.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect(Buffer.from(await head.arrayBuffer())).toEqual(built.bytes.subarray(0, 127));

    const middle = await get(url, { range: `bytes=500-${size - 10}` });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(built.bytes.subarray(500, size - 9));
    const whole = await get(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(built.bytes);
    // fetch adds `cache-control: no-cache` to a conditional request unless one is given, and a
    // no-cache request is answered in full by design (an end-to-end reload).
    expect((await get(url, { 'if-none-match': etag, 'cache-control': 'max-age=0' })).status).toBe(
      304,
    );

    const past = await get(url, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(await past.json()).toMatchObject({ error: { code: 'RANGE_NOT_SATISFIABLE' } });
    // Another archive's name (an old page after a re-import) is not found, not served.
    expect((await get(`${ARCHIVES}/fedcba9876543210.pmtiles`)).status).toBe(404);
  });

  it("reads the header and a tile identical to what was written with the pmtiles library's HTTP reader", async () => {
    const archive = new PMTiles(new FetchSource(`${platform.httpUrl}${ARCHIVES}/${id}.pmtiles`));
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      tileType: TileType.Mvt,
      minZoom: 10,
      maxZoom: 15,
      minLon: 108.19,
      minLat: 16.03,
      maxLon: 108.29,
      maxLat: 16.11,
    });
    // The archive covers the ward's real box (shared boundaries) with room around it.
    const [w, s, e, n] = AN_HAI_BBOX;
    expect(header.minLon < w && header.minLat < s && header.maxLon > e && header.maxLat > n).toBe(
      true,
    );
    // The z15 tile holding lon 108.24, lat 16.07, inside Phường An Hải.
    const written = built.tiles.find((t) => t.z === 15 && t.x === 26236 && t.y === 14901);
    expect(written).toBeDefined();
    const read = await archive.getZxy(15, 26236, 14901);
    expect(Buffer.from(read?.data ?? new ArrayBuffer(0))).toEqual(Buffer.from(written?.data ?? []));
    expect(await archive.getMetadata()).toMatchObject({
      vector_layers: [{ id: 'earth' }, { id: 'water' }, { id: 'roads' }],
    });
  });

  it('refuses a file that is not PMTiles and an archive outside the province; the previous archive keeps serving', async () => {
    const junk = join(dir, 'junk.pmtiles');
    writeFileSync(junk, '<html>not a map</html>');
    const bad = await ioc('basemap', 'import', junk);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/không phải kho PMTiles v3 .* \/ .*is not a PMTiles v3 archive/);

    const hcmc = join(dir, 'hcmc.pmtiles');
    writeFileSync(
      hcmc,
      writePmtiles([{ z: 10, x: 815, y: 481, data: Buffer.from([1, 2, 3]) }], {
        tileType: TileType.Png,
        minZoom: 0,
        maxZoom: 10,
        bounds: [106.6, 10.7, 106.8, 10.9],
      }),
    );
    const outside = await ioc('basemap', 'import', hcmc);
    expect(outside.code).not.toBe(0);
    expect(outside.out).toContain('không chồng lên tỉnh 48');

    expect(await webConfig()).toBe(`pmtiles://${ARCHIVES}/${id}.pmtiles`);
    const still = await get(`${ARCHIVES}/${id}.pmtiles`, { range: 'bytes=0-6' });
    expect(still.status).toBe(206);
    expect(Buffer.from(await still.arrayBuffer()).toString('latin1')).toBe('PMTiles');
    const status = await ioc('basemap', 'status');
    expect(status.out).toContain(`id:        ${id}`);
    expect(status.out).toContain('an-hai.pmtiles');
    expect(status.out).toContain('mvt, zoom 10–15');
    expect(status.out).toContain('bounds:    108.19, 16.03, 108.29, 16.11');
  });

  it('removes the archive: web-config goes back to the offline style and the route to 404', async () => {
    const r = await ioc('basemap', 'remove');
    expect(r.code, r.out).toBe(0);
    expect(await webConfig()).toBeNull();
    expect((await get(`${ARCHIVES}/${id}.pmtiles`)).status).toBe(404);
    const again = await ioc('basemap', 'remove');
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('chưa nhập bản đồ nền nào');
  });
});

describe('basemap archive beside BASEMAP_URL', () => {
  let platform: TestPlatform;
  let dir: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ BASEMAP_URL: 'https://tiles.example.vn/style.json' });
    dir = mkdtempSync(join(tmpdir(), 'ioc-basemap-url-'));
  });
  afterAll(async () => {
    await platform.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("BASEMAP_URL still wins over an imported archive (the operator's explicit choice)", async () => {
    const file = join(dir, 'an-hai.pmtiles');
    writeFileSync(file, buildAnHaiArchive().bytes);
    const r = await iocOutput(['basemap', 'import', file], { DATA_DIR: platform.dataDir });
    expect(r.code, r.out).toBe(0);
    const body = (await (await fetch(`${platform.httpUrl}/api/v1/web-config`)).json()) as unknown;
    expect(body).toEqual({ basemap: 'https://tiles.example.vn/style.json' });
  });
});

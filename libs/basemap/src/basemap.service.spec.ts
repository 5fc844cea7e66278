import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TileType } from 'pmtiles';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type AuditEvent } from '@ioc/contracts';
import { writePmtiles } from './testing/pmtiles-writer';
import { BasemapService } from './basemap.service';
import { createTestDb, type TestDb } from './testing/pglite';

const DA_NANG = [107.82, 15.92, 108.35, 16.22] as const;
const admin = { actor: 'admin' };

function archive(bounds: readonly [number, number, number, number], byte: number): Buffer {
  return writePmtiles([{ z: 10, x: 819, y: 468, data: Buffer.from([0x89, 0x50, byte]) }], {
    tileType: TileType.Png,
    minZoom: 0,
    maxZoom: 12,
    bounds,
  });
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw err;
  return err;
}

describe('BasemapService (PGlite)', () => {
  let db: TestDb;
  let root: string;
  let dir: string;
  let events: AuditEvent[];
  let service: BasemapService<typeof admin>;
  let regionBounds: readonly [number, number, number, number] | null;

  const input = (name: string, bytes: Buffer) => {
    const path = join(root, name);
    writeFileSync(path, bytes);
    return path;
  };

  beforeAll(async () => {
    db = await createTestDb();
  }, 60_000);
  beforeEach(async () => {
    await db.query('DELETE FROM basemap_archive');
    root = mkdtempSync(join(tmpdir(), 'ioc-basemap-svc-'));
    dir = join(root, 'data', 'basemap');
    events = [];
    regionBounds = DA_NANG;
    service = new BasemapService(db, {
      dir,
      region: { code: '48', bounds: () => Promise.resolve(regionBounds) },
      audit: {
        record: (_a, e) => {
          events.push(e);
          return Promise.resolve();
        },
      },
    });
  });
  afterAll(async () => {
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('imports under the content hash, replaces the previous archive and audits both', async () => {
    const first = await service.import(input('one.pmtiles', archive(DA_NANG, 1)), admin);
    expect(first).toMatchObject({
      tileType: 'png',
      minZoom: 0,
      maxZoom: 12,
      sourceName: 'one.pmtiles',
    });
    expect(first.id).toMatch(/^[0-9a-f]{16}$/);
    const served = await service.served();
    expect(served?.fileName).toBe(`${first.id}.pmtiles`);
    expect(readFileSync(join(dir, `${first.id}.pmtiles`))).toEqual(archive(DA_NANG, 1));

    const second = await service.import(input('two.pmtiles', archive(DA_NANG, 2)), admin);
    expect(second.id).not.toBe(first.id);
    // The old file goes once the new one is active; no temporary file is left behind.
    expect(readdirSync(dir)).toEqual([`${second.id}.pmtiles`]);
    expect(events.map((e) => [e.action, e.targetId, e.detail?.['replaced']])).toEqual([
      ['basemap.import', first.id, null],
      ['basemap.import', second.id, first.id],
    ]);
  });

  it('refuses an archive outside the province and a file that is not PMTiles, keeping the active one', async () => {
    const kept = await service.import(input('ok.pmtiles', archive(DA_NANG, 3)), admin);
    const hcmc = await refusal(
      service.import(input('hcmc.pmtiles', archive([106.6, 10.7, 106.8, 10.9], 4)), admin),
    );
    expect(hcmc.code).toBe('BASEMAP_OUTSIDE_PROVINCE');
    expect(hcmc.message).toMatch(
      /^phạm vi của kho .* không chồng lên tỉnh 48 .* \/ The archive's bounds/,
    );
    const junk = await refusal(service.import(input('junk.pmtiles', Buffer.from('hello')), admin));
    expect(junk.code).toBe('BASEMAP_NOT_PMTILES');
    expect((await service.served())?.archive.id).toBe(kept.id);
    expect(readdirSync(dir)).toEqual([`${kept.id}.pmtiles`]);
    expect(events).toHaveLength(1);
  });

  it('refuses while the province has no boundary to check against', async () => {
    regionBounds = null;
    const err = await refusal(service.import(input('ok.pmtiles', archive(DA_NANG, 5)), admin));
    expect(err.code).toBe('BASEMAP_NO_REGION');
    expect(existsSync(dir)).toBe(false);
  });

  it('removes the active archive and its file; a second removal is not found', async () => {
    const a = await service.import(input('ok.pmtiles', archive(DA_NANG, 6)), admin);
    expect(await service.remove(admin)).toBe(a.id);
    expect(await service.status()).toBeNull();
    expect(await service.served()).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    expect(events.at(-1)).toMatchObject({
      action: 'basemap.remove',
      targetId: a.id,
      unitCode: '48',
    });
    expect((await refusal(service.remove(admin))).code).toBe('BASEMAP_NOT_FOUND');
  });

  it('says when the active file is missing, and serves nothing then', async () => {
    const a = await service.import(input('ok.pmtiles', archive(DA_NANG, 7)), admin);
    rmSync(join(dir, `${a.id}.pmtiles`));
    expect(await service.status()).toMatchObject({ id: a.id, fileMissing: true });
    expect(await service.served()).toBeNull();
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TileType } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import { writePmtiles } from './testing/pmtiles-writer';
import { bboxesOverlap, readArchiveInfo, validBbox } from './archive-info';

const dir = mkdtempSync(join(tmpdir(), 'ioc-basemap-info-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const PNG_TILE = { z: 12, x: 3279, y: 1875, data: Buffer.from('89504e470d0a1a0a', 'hex') };

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw err;
  return err;
}

describe('readArchiveInfo', () => {
  it('reads tile type, zooms and bounds from a v3 header', async () => {
    const path = file(
      'ok.pmtiles',
      writePmtiles([PNG_TILE], {
        tileType: TileType.Png,
        minZoom: 8,
        maxZoom: 14,
        bounds: [107.8, 15.9, 108.5, 16.3],
      }),
    );
    expect(await readArchiveInfo(path)).toEqual({
      tileType: 'png',
      minZoom: 8,
      maxZoom: 14,
      bounds: [107.8, 15.9, 108.5, 16.3],
    });
  });

  it('refuses a file that is not PMTiles, a v2 archive and a missing file, saying so in Vietnamese first', async () => {
    const text = await refusal(readArchiveInfo(file('a.pmtiles', Buffer.from('{"type":"x"}'))));
    expect(text.code).toBe('BASEMAP_NOT_PMTILES');
    expect(text.message).toMatch(/^.*không phải kho PMTiles v3.* \/ .*is not a PMTiles v3 archive/);
    // v2 starts with the same two bytes "PM" the library checks; the version byte differs.
    const v2 = Buffer.alloc(512);
    v2.write('PM', 0, 'latin1');
    v2.writeUInt16LE(2, 2);
    expect((await refusal(readArchiveInfo(file('v2.pmtiles', v2)))).code).toBe(
      'BASEMAP_NOT_PMTILES',
    );
    expect((await refusal(readArchiveInfo(join(dir, 'none.pmtiles')))).code).toBe(
      'BASEMAP_FILE_NOT_FOUND',
    );
  });

  it('refuses a truncated header, an unknown tile type and bounds that are not a box', async () => {
    const good = writePmtiles([PNG_TILE], {
      tileType: TileType.Png,
      minZoom: 0,
      maxZoom: 14,
      bounds: [107.8, 15.9, 108.5, 16.3],
    });
    expect((await refusal(readArchiveInfo(file('cut.pmtiles', good.subarray(0, 40))))).code).toBe(
      'BASEMAP_NOT_PMTILES',
    );
    const unknown = Buffer.from(good);
    unknown.writeUInt8(TileType.Unknown, 99);
    expect((await refusal(readArchiveInfo(file('unknown.pmtiles', unknown)))).message).toContain(
      'tile type 0',
    );
    const flipped = writePmtiles([PNG_TILE], {
      tileType: TileType.Png,
      minZoom: 0,
      maxZoom: 14,
      bounds: [108.5, 15.9, 107.8, 16.3],
    });
    expect((await refusal(readArchiveInfo(file('flip.pmtiles', flipped)))).message).toContain(
      'bounds 108.5,15.9,107.8,16.3',
    );
  });
});

describe('bounding boxes', () => {
  it('overlap only when they share area', () => {
    const daNang = [107.8, 15.9, 108.5, 16.3] as const;
    expect(bboxesOverlap(daNang, [108.2, 16.0, 108.3, 16.1])).toBe(true);
    expect(bboxesOverlap(daNang, [106.6, 10.7, 106.8, 10.9])).toBe(false); // Hồ Chí Minh City
    expect(bboxesOverlap(daNang, [108.5, 15.9, 108.9, 16.3])).toBe(false); // touching edge
    expect(validBbox([0, 0, 0, 0])).toBe(false);
    expect(validBbox([-181, 0, 1, 1])).toBe(false);
  });
});

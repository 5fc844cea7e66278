import { open } from 'node:fs/promises';
import { DomainError } from '@ioc/contracts';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';

/** West, south, east, north in degrees (WGS 84). */
export type Bbox = readonly [number, number, number, number];

export type ArchiveTileType = 'mvt' | 'png' | 'jpeg' | 'webp' | 'avif' | 'mlt';

/** What a PMTiles v3 header says about an archive: enough to validate it and to style it. */
export interface ArchiveInfo {
  tileType: ArchiveTileType;
  minZoom: number;
  maxZoom: number;
  bounds: Bbox;
}

const TILE_TYPES: Partial<Record<TileType, ArchiveTileType>> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpeg',
  [TileType.Webp]: 'webp',
  [TileType.Avif]: 'avif',
  [TileType.Mlt]: 'mlt',
};

const MAGIC = 'PMTiles';

/** The pmtiles library's reader over a local file, so the CLI reads just the bytes it needs. */
class NodeFileSource implements Source {
  constructor(
    private readonly path: string,
    private readonly handle: Awaited<ReturnType<typeof open>>,
  ) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    const data = new ArrayBuffer(bytesRead);
    new Uint8Array(data).set(buffer.subarray(0, bytesRead));
    return { data };
  }
}

function notPmtiles(path: string, why: string): DomainError {
  return new DomainError(
    'invalid',
    'BASEMAP_NOT_PMTILES',
    `${path} không phải kho PMTiles v3 (${why}). / ${path} is not a PMTiles v3 archive (${why}).`,
  );
}

/**
 * Reads and checks the header of a PMTiles file with the maintained `pmtiles` reader: the v3
 * magic and version (v2 archives share the first two bytes and would otherwise be misread), a
 * root directory that parses, a known tile type, zooms in order and bounds that are a box.
 */
export async function readArchiveInfo(path: string): Promise<ArchiveInfo> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new DomainError(
      'not_found',
      'BASEMAP_FILE_NOT_FOUND',
      `không đọc được tệp ${path}. / Cannot read ${path}.`,
    );
  }
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    if (head.toString('latin1', 0, 7) !== MAGIC)
      throw notPmtiles(path, 'sai mã nhận dạng / bad magic');
    if (head[7] !== 3) throw notPmtiles(path, `phiên bản / version ${String(head[7])}`);
    const header = await new PMTiles(new NodeFileSource(path, handle))
      .getHeader()
      .catch((err: unknown) => {
        throw notPmtiles(path, err instanceof Error ? err.message : String(err));
      });
    const tileType = TILE_TYPES[header.tileType];
    if (!tileType) throw notPmtiles(path, `loại tile / tile type ${String(header.tileType)}`);
    if (header.minZoom > header.maxZoom)
      throw notPmtiles(path, `minzoom ${header.minZoom} > maxzoom ${header.maxZoom}`);
    const bounds: Bbox = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    if (!validBbox(bounds)) throw notPmtiles(path, `bounds ${bounds.join(',')}`);
    return { tileType, minZoom: header.minZoom, maxZoom: header.maxZoom, bounds };
  } finally {
    await handle.close();
  }
}

export function validBbox(b: Bbox): boolean {
  const [w, s, e, n] = b;
  return w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n;
}

/** Whether two boxes share some area (touching edges do not count: no tile would show). */
export function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * A minimal PMTiles v3 writer for tests (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 * npm has no maintained JavaScript writer — the `pmtiles` package and @loaders.gl/pmtiles only
 * read, and the writers are Go (go-pmtiles) and Python — so tests build their archives with this
 * (exported from the lib's index for the cross-app suites, which may import libs only there):
 * the 127-byte header, one root directory (gzip), JSON metadata (gzip) and the tiles (gzip for
 * vector tiles), the Hilbert tile ids taken from the maintained reader's own `zxyToTileId`.
 * Enough for a few hundred tiles (the root directory must fit the first 16 KiB); no leaves.
 */
import { gzipSync } from 'node:zlib';
import { TileType, zxyToTileId } from 'pmtiles';

export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  /** The tile as a reader gets it back (uncompressed MVT, or PNG/JPEG/WebP bytes). */
  data: Uint8Array;
}

export interface PmtilesOptions {
  tileType: TileType;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north. */
  bounds: readonly [number, number, number, number];
  metadata?: Record<string, unknown>;
}

const HEADER_BYTES = 127;
const GZIP = 2;
const NONE = 1;

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
}

function directory(entries: readonly Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const _ of entries) varint(out, 1);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

export function writePmtiles(tiles: readonly PmtilesTile[], opts: PmtilesOptions): Buffer {
  const vector = opts.tileType === TileType.Mvt;
  const sorted = tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const t of sorted) {
    const blob = vector ? gzipSync(t.data) : Buffer.from(t.data);
    entries.push({ tileId: t.tileId, offset, length: blob.length });
    blobs.push(blob);
    offset += blob.length;
  }
  const root = gzipSync(directory(entries));
  if (HEADER_BYTES + root.length > 16_384)
    throw new RangeError('too many tiles for one root directory');
  const metadata = gzipSync(JSON.stringify(opts.metadata ?? {}));
  const data = Buffer.concat(blobs);

  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => h.writeBigUInt64LE(BigInt(v), at);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories: offset at the data, length 0
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, data.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  h.writeUInt8(1, 96); // clustered: tiles are in tile-id order
  h.writeUInt8(GZIP, 97);
  h.writeUInt8(vector ? GZIP : NONE, 98);
  h.writeUInt8(opts.tileType, 99);
  h.writeUInt8(opts.minZoom, 100);
  h.writeUInt8(opts.maxZoom, 101);
  const e7 = (at: number, deg: number) => h.writeInt32LE(Math.round(deg * 1e7), at);
  const [w, s, e, n] = opts.bounds;
  e7(102, w);
  e7(106, s);
  e7(110, e);
  e7(114, n);
  h.writeUInt8(opts.maxZoom, 118);
  e7(119, (w + e) / 2);
  e7(123, (s + n) / 2);
  return Buffer.concat([h, root, metadata, data]);
}

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, type AuditSink } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { bboxesOverlap, readArchiveInfo } from './archive-info';
import { BasemapArchiveRepository, type ActiveArchive } from './basemap-archive.repository';
import type { BasemapActor, BasemapRegion } from './ports';

export interface BasemapServiceOptions<A> {
  /** Where archives are kept (DATA_DIR/basemap): the CLI writes there, the API serves from it. */
  dir: string;
  region: BasemapRegion;
  audit: AuditSink<A>;
}

/** The active archive and the file that holds it, for the HTTP edge to serve. */
export interface ServedArchive {
  archive: ActiveArchive;
  dir: string;
  fileName: string;
}

/** The file name of an archive in the basemap directory. */
export function archiveFileName(id: string): string {
  return `${id}.pmtiles`;
}

/**
 * The province's street basemap: `ioc basemap import|status|remove` and what the API serves.
 * An import is checked (PMTiles v3, a known tile type, bounds over the province) before
 * anything is written, copied under a temporary name and renamed into place (a reader never sees
 * half a file), then made active in the database — so a refused or interrupted import leaves the
 * previous archive serving. Files are named by content hash: the served URL of an archive never
 * changes its bytes, so browsers may keep what they fetched.
 */
export class BasemapService<A extends BasemapActor> {
  private readonly repo: BasemapArchiveRepository;

  constructor(
    db: Queryable,
    private readonly opts: BasemapServiceOptions<A>,
  ) {
    this.repo = new BasemapArchiveRepository(db);
  }

  async import(file: string, actor: A): Promise<ActiveArchive> {
    const info = await readArchiveInfo(file);
    const province = await this.opts.region.bounds();
    if (!province) {
      throw new DomainError(
        'conflict',
        'BASEMAP_NO_REGION',
        `chưa có ranh giới tỉnh ${this.opts.region.code} để đối chiếu. / Province ${this.opts.region.code} has no boundary to check the archive against.`,
      );
    }
    if (!bboxesOverlap(info.bounds, province)) {
      throw new DomainError(
        'invalid',
        'BASEMAP_OUTSIDE_PROVINCE',
        `phạm vi của kho (${info.bounds.join(', ')}) không chồng lên tỉnh ${this.opts.region.code} (${province.map((v) => v.toFixed(3)).join(', ')}). / ` +
          `The archive's bounds do not overlap province ${this.opts.region.code}.`,
        {
          issues: [{ path: 'bounds', message: 'outside the province' }],
          archiveBounds: [...info.bounds],
          provinceBounds: [...province],
        },
      );
    }
    await mkdir(this.opts.dir, { recursive: true });
    const { sha256, sizeBytes, temp } = await this.copyIn(file);
    const id = sha256.slice(0, 16);
    const fileName = archiveFileName(id);
    try {
      await rename(temp, join(this.opts.dir, fileName));
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    const record = {
      ...info,
      id,
      sha256,
      sizeBytes,
      sourceName: basename(file),
      importedBy: actor.actor,
    };
    const previous = await this.repo.activate(record);
    // Only after the row moved on: until then the old file is what the API serves.
    if (previous !== null && previous !== id) {
      await rm(join(this.opts.dir, archiveFileName(previous)), { force: true });
    }
    await this.opts.audit.record(actor, {
      action: 'basemap.import',
      targetKind: 'basemap',
      targetId: id,
      unitCode: this.opts.region.code,
      detail: {
        source: record.sourceName,
        sizeBytes,
        tileType: info.tileType,
        minZoom: info.minZoom,
        maxZoom: info.maxZoom,
        bounds: [...info.bounds],
        replaced: previous,
      },
    });
    return (await this.repo.active()) ?? { ...record, importedAt: new Date().toISOString() };
  }

  /** The active archive, or null; `fileMissing` when its file is gone from the directory. */
  async status(): Promise<(ActiveArchive & { fileMissing: boolean }) | null> {
    const archive = await this.repo.active();
    if (!archive) return null;
    const present = await stat(join(this.opts.dir, archiveFileName(archive.id))).then(
      (s) => s.isFile(),
      () => false,
    );
    return { ...archive, fileMissing: !present };
  }

  /** What the API serves: the active archive when its file is present, else null. */
  async served(): Promise<ServedArchive | null> {
    const s = await this.status();
    if (!s || s.fileMissing) return null;
    const { fileMissing: _, ...archive } = s;
    return { archive, dir: this.opts.dir, fileName: archiveFileName(archive.id) };
  }

  async remove(actor: A): Promise<string> {
    const id = await this.repo.clear();
    if (id === null) {
      throw new DomainError(
        'not_found',
        'BASEMAP_NOT_FOUND',
        'chưa nhập bản đồ nền nào. / No basemap archive is imported.',
      );
    }
    await rm(join(this.opts.dir, archiveFileName(id)), { force: true });
    await this.opts.audit.record(actor, {
      action: 'basemap.remove',
      targetKind: 'basemap',
      targetId: id,
      unitCode: this.opts.region.code,
    });
    return id;
  }

  /** Copies the file to a temporary name in the directory, hashing it on the way. */
  private async copyIn(file: string): Promise<{ sha256: string; sizeBytes: number; temp: string }> {
    const temp = join(this.opts.dir, `.import-${randomBytes(6).toString('hex')}.tmp`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(createReadStream(file), tap, createWriteStream(temp, { mode: 0o644 }));
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { sha256: hash.digest('hex'), sizeBytes, temp };
  }
}

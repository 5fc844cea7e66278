import {
  DomainError,
  type AuditSink,
  type CameraCreate,
  type CameraKind,
  type CameraPatch,
  type CameraView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { CameraGeo, CameraUnits } from '../ports';
import { CameraRepository, type CameraFields } from '../repo/camera.repository';

export interface CameraServiceDeps<A> {
  geo: CameraGeo;
  units: CameraUnits;
  audit: AuditSink<A>;
  now?: () => Date;
}

function notFound(id: string): DomainError {
  return new DomainError(
    'not_found',
    'CAMERA_NOT_FOUND',
    `Không có camera ${id} · No camera ${id}`,
  );
}

/**
 * The camera registry: administrators register, edit and remove cameras; readers list the
 * cameras of their units. Credentials go in and never come out: audit rows say only that they
 * changed.
 */
export class CameraService<A> {
  readonly repo: CameraRepository;
  private readonly now: () => Date;

  constructor(
    db: Queryable,
    private readonly deps: CameraServiceDeps<A>,
  ) {
    this.repo = new CameraRepository(db);
    this.now = deps.now ?? (() => new Date());
  }

  /** Cameras of `unit` (comma-separated codes; each with the units below it); none: all. */
  async list(query: { unit?: string | undefined; kind?: CameraKind | undefined }) {
    let units: string[] | null = null;
    if (query.unit !== undefined && query.unit !== '') {
      units = [];
      for (const code of query.unit.split(',').map((c) => c.trim())) {
        units.push(...(await this.deps.units.selfAndDescendants(code)));
      }
    }
    return { items: await this.repo.list(units, query.kind), asOf: this.now().toISOString() };
  }

  async get(id: string): Promise<CameraView> {
    const cam = await this.repo.get(id);
    if (!cam) throw notFound(id);
    return cam;
  }

  unitOf(id: string): Promise<string | undefined> {
    return this.repo.unitOf(id);
  }

  async create(body: CameraCreate, actor: A): Promise<CameraView> {
    const fields: CameraFields = {
      name: body.name,
      kind: body.kind,
      lon: body.lon,
      lat: body.lat,
      unitCode: await this.unitFor(body.lon, body.lat, body.unitCode),
      whepPath: body.whepPath ?? null,
      hlsPath: body.hlsPath ?? null,
      snapshotUrl: body.snapshotUrl ?? null,
      tags: body.tags,
    };
    if (!(await this.repo.insert(body.id, fields))) {
      throw new DomainError(
        'conflict',
        'CAMERA_EXISTS',
        `Đã có camera ${body.id} · Camera ${body.id} already exists`,
      );
    }
    if (body.credentials) await this.repo.setCredential(body.id, body.credentials);
    await this.deps.audit.record(actor, {
      action: 'camera.create',
      targetKind: 'camera',
      targetId: body.id,
      unitCode: fields.unitCode,
      detail: { kind: fields.kind, credentials: body.credentials !== undefined },
    });
    return this.get(body.id);
  }

  async patch(id: string, body: CameraPatch, actor: A): Promise<CameraView> {
    const cur = await this.get(id);
    const lon = body.lon ?? cur.lon;
    const lat = body.lat ?? cur.lat;
    const moved = body.lon !== undefined && (body.lon !== cur.lon || body.lat !== cur.lat);
    // A moved camera belongs to the unit at its new place unless the unit is named too.
    const unitCode =
      body.unitCode !== undefined
        ? await this.unitFor(lon, lat, body.unitCode)
        : moved
          ? await this.unitFor(lon, lat, undefined)
          : cur.unitCode;
    const fields: CameraFields = {
      name: body.name ?? cur.name,
      kind: body.kind ?? cur.kind,
      lon,
      lat,
      unitCode,
      whepPath: body.whepPath === undefined ? cur.whepPath : body.whepPath,
      hlsPath: body.hlsPath === undefined ? cur.hlsPath : body.hlsPath,
      snapshotUrl: body.snapshotUrl === undefined ? cur.snapshotUrl : body.snapshotUrl,
      tags: body.tags ?? cur.tags,
    };
    if (!fields.whepPath && !fields.hlsPath && !fields.snapshotUrl) {
      throw new DomainError(
        'invalid',
        'CAMERA_NO_STREAM',
        'Cần ít nhất một trong whepPath, hlsPath, snapshotUrl · Keep at least one of whepPath, hlsPath, snapshotUrl',
      );
    }
    if (!(await this.repo.update(id, fields))) throw notFound(id);
    if (body.credentials !== undefined) await this.repo.setCredential(id, body.credentials);
    // Field names only: the values of `credentials` never reach the audit trail.
    const changed = Object.keys(body).filter((k) => body[k as keyof CameraPatch] !== undefined);
    await this.deps.audit.record(actor, {
      action: 'camera.update',
      targetKind: 'camera',
      targetId: id,
      unitCode,
      detail: { fields: changed },
    });
    return this.get(id);
  }

  async remove(id: string, actor: A): Promise<void> {
    const unitCode = await this.repo.unitOf(id);
    if (unitCode === undefined || !(await this.repo.remove(id))) throw notFound(id);
    await this.deps.audit.record(actor, {
      action: 'camera.delete',
      targetKind: 'camera',
      targetId: id,
      unitCode,
    });
  }

  /** The named unit (which must exist), or the unit that holds the point. */
  private async unitFor(lon: number, lat: number, named: string | undefined): Promise<string> {
    if (named !== undefined) {
      if (!(await this.deps.geo.exists(named))) {
        throw new DomainError(
          'invalid',
          'UNIT_UNKNOWN',
          `Không có đơn vị ${named} · No unit ${named}`,
          {
            issues: [{ path: 'unitCode', message: 'unknown unit' }],
          },
        );
      }
      return named;
    }
    const found = await this.deps.geo.locate(lon, lat);
    if (found === null) {
      throw new DomainError(
        'invalid',
        'CAMERA_OUTSIDE_UNITS',
        'Vị trí không thuộc đơn vị nào; hãy nêu unitCode · The position is in no unit; give unitCode',
        { issues: [{ path: 'lon', message: 'outside every unit' }] },
      );
    }
    return found;
  }
}

import {
  DomainError,
  type AuditSink,
  type OfficeCreateBody,
  type OfficePatchBody,
  type OfficeView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { officeFromLead, officeIdFor, type Office } from './office';
import { OfficeRepository, type OfficeChanges } from './office.repository';
import type { OrgActor, OrgUnits } from './ports';

/**
 * Offices below a unit and their members: create, edit, retire, put a user in one. Every change
 * goes to the audit trail. Scope is checked by the edge (the office's unit); this service checks
 * that the unit exists and that an office id belongs to its unit.
 */
export class OfficeService<A extends OrgActor> {
  private readonly repo: OfficeRepository;

  constructor(
    db: Queryable,
    private readonly units: OrgUnits,
    private readonly audit: AuditSink<A>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.repo = new OfficeRepository(db);
  }

  /** Offices of the unit and the units below it (every office without a unit). */
  async list(opts: { unit?: string | undefined; includeRetired?: boolean }): Promise<OfficeView[]> {
    const units = opts.unit === undefined ? null : await this.unitsBelow(opts.unit);
    return this.withMembers(await this.repo.list(units, opts.includeRetired === true));
  }

  async get(id: string): Promise<OfficeView> {
    const office = await this.repo.get(id);
    if (!office) throw notFound(id);
    return (await this.withMembers([office]))[0] as OfficeView;
  }

  /** The unit of an office (the access gate's lookup); undefined when there is none. */
  async unitOf(id: string): Promise<string | undefined> {
    return (await this.repo.get(id))?.unitCode;
  }

  namesOf(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.repo.names(ids);
  }

  async officeOf(username: string): Promise<Office | null> {
    const id = await this.repo.officeOf(username);
    return id === null ? null : this.repo.get(id);
  }

  async create(body: OfficeCreateBody, actor: A): Promise<OfficeView> {
    await this.requireUnit(body.unitCode);
    const id = body.id ?? officeIdFor(body.unitCode, body.nameVi);
    if (!id.startsWith(`${body.unitCode}.`)) {
      throw new DomainError(
        'invalid',
        'OFFICE_ID_INVALID',
        `office id must start with ${body.unitCode}.`,
        {
          issues: [{ path: 'id', message: `must start with ${body.unitCode}.` }],
        },
      );
    }
    if (!(await this.repo.insert({ ...body, id }))) {
      throw new DomainError('conflict', 'OFFICE_EXISTS', `office ${id} exists`);
    }
    await this.audit.record(actor, {
      action: 'office.create',
      targetKind: 'office',
      targetId: id,
      unitCode: body.unitCode,
      detail: { nameVi: body.nameVi, kind: body.kind, isCompiler: body.isCompiler },
    });
    return this.get(id);
  }

  async update(id: string, patch: OfficePatchBody, actor: A): Promise<OfficeView> {
    const before = await this.repo.get(id);
    if (!before) throw notFound(id);
    const { retired, ...fields } = patch;
    const changes: OfficeChanges = { ...fields };
    if (retired !== undefined) changes.retiredAt = retired ? this.clock() : null;
    await this.repo.update(id, changes);
    await this.audit.record(actor, {
      action: retired === true ? 'office.retire' : 'office.update',
      targetKind: 'office',
      targetId: id,
      unitCode: before.unitCode,
      detail: { changes: patch },
    });
    return this.get(id);
  }

  /** Puts a user in the office (out of any other), or takes them out with `remove`. */
  async setMember(
    id: string,
    body: { username: string; remove: boolean },
    actor: A,
  ): Promise<OfficeView> {
    const office = await this.repo.get(id);
    if (!office) throw notFound(id);
    let left: string | null = null;
    if (body.remove) {
      if (!(await this.repo.removeMember(body.username, id))) {
        throw new DomainError(
          'not_found',
          'OFFICE_MEMBER_NOT_FOUND',
          `${body.username} is not in ${id}`,
        );
      }
    } else {
      if (office.retiredAt !== null) {
        throw new DomainError('conflict', 'OFFICE_RETIRED', `office ${id} is retired`);
      }
      left = await this.repo.setMember(body.username, id);
    }
    await this.audit.record(actor, {
      action: body.remove ? 'office.member.remove' : 'office.member.add',
      targetKind: 'office',
      targetId: id,
      unitCode: office.unitCode,
      detail: { username: body.username, ...(left !== null && left !== id ? { left } : {}) },
    });
    return this.get(id);
  }

  /**
   * The office a plan's lead cell names, created if missing (the task seed's port); null when
   * the cell names several agencies or a group. Seeding is not a person's change: not audited.
   */
  async ensureForLead(unitCode: string, leadVi: string | null): Promise<string | null> {
    const draft = officeFromLead(unitCode, leadVi);
    if (draft?.id === undefined) return null;
    await this.repo.insert({ ...draft, id: draft.id });
    return draft.id;
  }

  private async withMembers(offices: Office[]): Promise<OfficeView[]> {
    const members = await this.repo.members(offices.map((o) => o.id));
    return offices.map((o) => ({ ...o, members: members.get(o.id) ?? [] }));
  }

  private async unitsBelow(unit: string): Promise<string[]> {
    await this.requireUnit(unit);
    return this.units.selfAndDescendants(unit);
  }

  private async requireUnit(code: string): Promise<void> {
    if (!(await this.units.exists(code))) {
      throw new DomainError('invalid', 'UNIT_UNKNOWN', `unknown unit ${code}`, {
        issues: [{ path: 'unit', message: 'unknown unit' }],
      });
    }
  }
}

function notFound(id: string): DomainError {
  return new DomainError('not_found', 'OFFICE_NOT_FOUND', `no office ${id}`);
}

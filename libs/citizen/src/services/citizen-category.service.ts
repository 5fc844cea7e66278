import {
  DomainError,
  type AuditSink,
  type CitizenCategoryPutBody,
  type CitizenCategoryView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { CitizenActor } from '../ports';
import { CategoryRepository } from '../repo/category.repository';

/** The categories residents choose from (admin). */
export class CitizenCategoryService<A extends CitizenActor> {
  private readonly repo: CategoryRepository;

  constructor(
    db: Queryable,
    private readonly audit: AuditSink<A>,
  ) {
    this.repo = new CategoryRepository(db);
  }

  /** Active ones for the public form; every one for admins. */
  async list(opts: { includeInactive?: boolean } = {}): Promise<{ items: CitizenCategoryView[] }> {
    return { items: await this.repo.list(opts.includeInactive !== true) };
  }

  async put(code: string, body: CitizenCategoryPutBody, actor: A): Promise<CitizenCategoryView> {
    const stored = await this.repo.put(code, body);
    await this.audit.record(actor, {
      action: 'citizen.category.put',
      targetKind: 'citizen_category',
      targetId: code,
      detail: { ...body },
    });
    return stored;
  }

  /** Deletes an unused category; one that cases use is only deactivated (they keep it). */
  async remove(code: string, actor: A): Promise<void> {
    const done = await this.repo.remove(code);
    if (done === false) {
      throw new DomainError('not_found', 'CATEGORY_NOT_FOUND', `Không có loại phản ánh ${code}`);
    }
    await this.audit.record(actor, {
      action: `citizen.category.${done === 'deleted' ? 'delete' : 'deactivate'}`,
      targetKind: 'citizen_category',
      targetId: code,
    });
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  type AuditSink,
  type CitizenAppCreateBody,
  type CitizenAppCreated,
  type CitizenAppView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { CitizenActor } from '../ports';
import { AppRepository } from '../repo/app.repository';

const KEY_PATTERN = /^ioca_[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Apps that submit reports on a resident's behalf (a city app, a hotline's system). Each holds a
 * key `ioca_…` shown once at creation; only its sha256 is stored.
 */
export class CitizenAppService<A extends CitizenActor> {
  private readonly repo: AppRepository;

  constructor(
    db: Queryable,
    private readonly audit: AuditSink<A>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new AppRepository(db);
  }

  async create(body: CitizenAppCreateBody, actor: A): Promise<CitizenAppCreated> {
    const key = `ioca_${randomBytes(32).toString('base64url')}`;
    if (!(await this.repo.insert(body.id, body.name, sha256(key), this.now()))) {
      throw new DomainError('conflict', 'CITIZEN_APP_EXISTS', `Ứng dụng ${body.id} đã có`);
    }
    await this.audit.record(actor, {
      action: 'citizen.app.create',
      targetKind: 'citizen_app',
      targetId: body.id,
      detail: { name: body.name },
    });
    return { id: body.id, name: body.name, key };
  }

  async list(): Promise<{ items: CitizenAppView[] }> {
    return { items: await this.repo.list() };
  }

  async revoke(id: string, actor: A): Promise<void> {
    if (!(await this.repo.revoke(id, this.now()))) {
      throw new DomainError('not_found', 'CITIZEN_APP_NOT_FOUND', `Không có ứng dụng ${id}`);
    }
    await this.audit.record(actor, {
      action: 'citizen.app.revoke',
      targetKind: 'citizen_app',
      targetId: id,
    });
  }

  /**
   * The app holding `key`, or null (unknown, malformed or revoked). The stored hash is compared
   * in constant time after the lookup, so the answer's timing says nothing about near misses.
   */
  async verify(key: string): Promise<{ id: string; name: string } | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const hash = sha256(key);
    const app = await this.repo.byHash(hash);
    if (!app || app.revokedAt !== null) return null;
    const same = timingSafeEqual(Buffer.from(app.keyHash, 'hex'), Buffer.from(hash, 'hex'));
    return same ? { id: app.id, name: app.name } : null;
  }
}

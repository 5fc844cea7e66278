import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  type AuditSink,
  type CameraEventSourceCreate,
  type CameraEventSourcePatch,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { EventSourceRepository, type EventSourceRecord } from '../repo/source.repository';

export interface EventSourceView {
  id: string;
  name: string;
  kind: EventSourceRecord['kind'];
  cameras: Record<string, string>;
  baseUrl: string | null;
  mqttTopic: string | null;
  enabled: boolean;
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function sourceView(s: EventSourceRecord): EventSourceView {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    cameras: s.cameras,
    baseUrl: s.baseUrl,
    mqttTopic: s.mqttTopic,
    enabled: s.enabled,
    hasSecret: s.secretHash !== null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Is `presented` the source's secret? Constant-time over the hashes. */
export function secretMatches(s: EventSourceRecord, presented: string | null | undefined): boolean {
  if (!presented || s.secretHash === null) return false;
  const a = Buffer.from(hash(presented), 'hex');
  const b = Buffer.from(s.secretHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Event sources (administrators): where events come from, which of the sender's cameras is
 * which of ours, and the secret a webhook presents. Secrets go in and never come out — a
 * generated one is answered once; the audit trail records field names only.
 */
export class EventSourceService<A> {
  readonly repo: EventSourceRepository;

  constructor(
    db: Queryable,
    private readonly audit: AuditSink<A>,
    /** After every change (the Frigate listener re-subscribes). */
    private readonly onChanged: () => void = () => undefined,
  ) {
    this.repo = new EventSourceRepository(db);
  }

  async list(): Promise<EventSourceView[]> {
    return (await this.repo.list()).map(sourceView);
  }

  /** The enabled source of that id and kind, for a webhook; null otherwise. */
  async active(id: string, kind?: EventSourceRecord['kind']): Promise<EventSourceRecord | null> {
    const s = await this.repo.get(id);
    return s && s.enabled && (kind === undefined || s.kind === kind) ? s : null;
  }

  async create(
    input: CameraEventSourceCreate,
    actor: A,
  ): Promise<EventSourceView & { secret: string | null }> {
    // Frigate and ONVIF are pulled/subscribed, not posted to: they need no secret of their own.
    const generated =
      input.secret === undefined && (input.kind === 'hikvision' || input.kind === 'generic')
        ? randomBytes(24).toString('base64url')
        : null;
    const secret = input.secret ?? generated;
    const ok = await this.repo.insert({
      id: input.id,
      name: input.name,
      kind: input.kind,
      cameras: input.cameras,
      baseUrl: input.baseUrl ?? null,
      mqttTopic: input.kind === 'frigate' ? (input.mqttTopic ?? 'frigate/events') : null,
      enabled: input.enabled,
      secretHash: secret === null ? null : hash(secret),
    });
    if (!ok) {
      throw new DomainError(
        'conflict',
        'EVENT_SOURCE_EXISTS',
        `Nguồn ${input.id} đã có · Source ${input.id} exists`,
      );
    }
    await this.audit.record(actor, {
      action: 'camera_event_source.create',
      targetKind: 'camera_event_source',
      targetId: input.id,
      detail: { kind: input.kind, cameras: Object.keys(input.cameras).length },
    });
    this.onChanged();
    return { ...sourceView(await this.must(input.id)), secret: generated };
  }

  async patch(
    id: string,
    input: CameraEventSourcePatch,
    actor: A,
  ): Promise<EventSourceView & { secret: string | null }> {
    const s = await this.must(id);
    const generated = input.rotateSecret === true ? randomBytes(24).toString('base64url') : null;
    const secret = generated ?? input.secret;
    const next: EventSourceRecord = {
      ...s,
      name: input.name ?? s.name,
      cameras: input.cameras ?? s.cameras,
      baseUrl: input.baseUrl === undefined ? s.baseUrl : input.baseUrl,
      mqttTopic: s.kind === 'frigate' ? (input.mqttTopic ?? s.mqttTopic) : null,
      enabled: input.enabled ?? s.enabled,
      secretHash: secret === undefined ? s.secretHash : hash(secret),
    };
    await this.repo.update(next);
    await this.audit.record(actor, {
      action: 'camera_event_source.update',
      targetKind: 'camera_event_source',
      targetId: id,
      // Field names only: a secret never reaches the audit trail.
      detail: { fields: Object.keys(input) },
    });
    this.onChanged();
    return { ...sourceView(await this.must(id)), secret: generated };
  }

  async remove(id: string, actor: A): Promise<void> {
    if (!(await this.repo.remove(id))) throw notFound(id);
    this.onChanged();
    await this.audit.record(actor, {
      action: 'camera_event_source.delete',
      targetKind: 'camera_event_source',
      targetId: id,
    });
  }

  private async must(id: string): Promise<EventSourceRecord> {
    const s = await this.repo.get(id);
    if (!s) throw notFound(id);
    return s;
  }
}

const notFound = (id: string) =>
  new DomainError('not_found', 'EVENT_SOURCE_NOT_FOUND', `Không có nguồn ${id} · No source ${id}`);

import {
  invalidInput,
  type AuditSink,
  type Issue,
  type OpenDataSettings,
  type OpenDataSettingsUpdate,
  type PublicationEntry,
  type PublicationState,
  type PublicationSubject,
} from '@ioc/contracts';
import { inTransaction, type Queryable } from '@ioc/db';
import { PublicationRepository } from './publication.repository';
import { PublicSnapshotSource, type PublicSnapshot } from './public-snapshot';

/** Who changes publication: the caller's actor type, of which the service reads only the id. */
export interface PublicationActor {
  actor: string;
}

export interface PublicationDeps<A> {
  audit: AuditSink<A>;
  /** Each new snapshot of what is public (the SensorThings MQTT publisher follows it). */
  onChanged?: (snapshot: PublicSnapshot) => void;
  /** How old the in-memory snapshot may grow before it is read again (default 60 s). */
  snapshotMaxAgeMs?: number;
  onBackgroundError?: (err: unknown) => void;
}

/**
 * Publication control (issue 17): what an administrator marks public, the settings of the
 * public face (position rounding, licence), and the in-memory snapshot of what is public.
 * Nothing is public by default; every change is audited.
 */
export class PublicationService<A extends PublicationActor> {
  private readonly repo: PublicationRepository;
  private readonly snapshots: PublicSnapshotSource;

  constructor(
    private readonly db: Queryable,
    private readonly deps: PublicationDeps<A>,
  ) {
    this.repo = new PublicationRepository(db);
    this.snapshots = new PublicSnapshotSource({
      read: () => this.repo.publicSets(),
      ...(deps.onChanged ? { onChanged: deps.onChanged } : {}),
      ...(deps.snapshotMaxAgeMs === undefined ? {} : { maxAgeMs: deps.snapshotMaxAgeMs }),
      ...(deps.onBackgroundError ? { onError: deps.onBackgroundError } : {}),
    });
  }

  /** The administrator's view: every subject with its own switch and the effective result. */
  async state(): Promise<PublicationState> {
    const [settings, deviceKinds, devices, metrics, indicators] = await Promise.all([
      this.repo.settings(),
      this.repo.deviceKinds(),
      this.repo.devices(),
      this.repo.metrics(),
      this.repo.indicators(),
    ]);
    return { settings, deviceKinds, devices, metrics, indicators };
  }

  /**
   * Applies the switches in one transaction. Every entry naming an unknown subject (or the same
   * subject twice) is refused at once, each with its path; removing a row (`public: null`) is
   * always allowed, so a row left by a deleted device can be cleared.
   */
  async update(entries: readonly PublicationEntry[], actor: A): Promise<PublicationState> {
    await this.check(entries);
    const changes = await inTransaction(this.db, async (tx) => {
      const repo = new PublicationRepository(tx);
      const before = await repo.rows(entries);
      await repo.apply(entries, actor.actor);
      return entries
        .map((e) => ({ ...e, before: before.get(`${e.subject} ${e.key}`) ?? null }))
        .filter((c) => c.before !== c.public);
    });
    if (changes.length > 0) {
      await this.deps.audit.record(actor, {
        action: 'open_data.publication.update',
        targetKind: 'open_publication',
        detail: {
          changes: changes.map((c) => ({
            subject: c.subject,
            key: c.key,
            before: c.before,
            after: c.public,
          })),
        },
      });
    }
    await this.snapshots.refresh();
    return this.state();
  }

  settings(): Promise<OpenDataSettings> {
    return this.repo.settings();
  }

  async updateSettings(patch: OpenDataSettingsUpdate, actor: A): Promise<OpenDataSettings> {
    const before = await this.repo.settings();
    const after = await this.repo.updateSettings(patch, actor.actor);
    await this.deps.audit.record(actor, {
      action: 'open_data.settings.update',
      targetKind: 'open_data_setting',
      detail: {
        before: pickSettings(before),
        after: pickSettings(after),
      },
    });
    await this.snapshots.refresh();
    return after;
  }

  /** What is public now, from memory (refreshed on every change, and when older than a minute). */
  current(): PublicSnapshot {
    return this.snapshots.current();
  }

  /** Reads what is public again: at start, and when devices were registered or retired. */
  refresh(): Promise<PublicSnapshot> {
    return this.snapshots.refresh();
  }

  private async check(entries: readonly PublicationEntry[]): Promise<void> {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const bySubject = new Map<PublicationSubject, string[]>();
    entries.forEach((e, i) => {
      const id = `${e.subject} ${e.key}`;
      if (seen.has(id)) issues.push({ path: `entries.${String(i)}`, message: `${id} twice` });
      seen.add(id);
      if (e.public !== null) bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e.key]);
    });
    const known = new Map<PublicationSubject, Set<string>>();
    for (const [subject, keys] of bySubject)
      known.set(subject, await this.repo.existing(subject, keys));
    entries.forEach((e, i) => {
      if (e.public !== null && !known.get(e.subject)?.has(e.key)) {
        issues.push({
          path: `entries.${String(i)}.key`,
          message: `không có ${SUBJECT_VI[e.subject]} “${e.key}” (no such ${e.subject.replace('_', ' ')})`,
        });
      }
    });
    if (issues.length > 0) throw invalidInput('PUBLICATION_INVALID', issues);
  }
}

const SUBJECT_VI: Record<PublicationSubject, string> = {
  device_kind: 'loại thiết bị',
  device: 'thiết bị',
  metric: 'chỉ số đo',
  indicator: 'chỉ tiêu',
};

function pickSettings(s: OpenDataSettings) {
  return { positionDecimals: s.positionDecimals, licenceId: s.licenceId, licenceUrl: s.licenceUrl };
}

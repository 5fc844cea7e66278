import {
  DomainError,
  connectorCreateBody,
  connectorPatchBody,
  parseInput,
  type AuditSink,
  type ConnectorView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { splitAuth, type AuthSecrets } from '../auth/auth-profile';
import { RecordMapper } from '../mapping/mapper';
import { ConnectorRepository, type StoredConnector } from '../repo/connector.repository';
import { RunRepository } from '../repo/run.repository';
import type { SecretBox } from '../secrets/secret-box';
import type { ConnectorRunner, DryRunResult } from '../sync/connector-runner';
import { checkSchedule } from './schedule';

export interface ConnectorServiceDeps<A> {
  runner: ConnectorRunner;
  /** Null when CONNECTOR_SECRET_KEY is unset (development only): profiles with secrets are refused. */
  secrets: SecretBox | null;
  audit: AuditSink<A>;
  /** Told when a connector's schedule or pause changes (the scheduler re-reads it). */
  onChanged?: (id: string) => void;
  now?: () => Date;
}

function notFound(id: string): DomainError {
  return new DomainError(
    'not_found',
    'CONNECTOR_NOT_FOUND',
    `Không có kết nối ${id} · No connector ${id}`,
  );
}

/** A connector as the API shows it: the auth profile's public part and whether secrets are set. */
export function connectorView(c: StoredConnector): ConnectorView {
  return {
    id: c.id,
    name: c.name,
    department: c.department,
    source: c.source,
    mapping: c.mapping,
    auth: { ...c.auth, secretSet: c.secretSet },
    schedule: c.schedule,
    rateLimitPerMinute: c.rateLimitPerMinute,
    maxRetries: c.maxRetries,
    paused: c.paused,
    watermark: c.watermark,
    knownFields: c.knownFields,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * Connector administration and runs. Secrets go in through `auth` and never come out: answers
 * carry the profile's public part, audit rows name the fields that changed (never values).
 */
export class ConnectorService<A> {
  readonly repo: ConnectorRepository;
  readonly runs: RunRepository;
  private readonly now: () => Date;
  private readonly running = new Map<string, Promise<string>>();

  constructor(
    db: Queryable,
    private readonly deps: ConnectorServiceDeps<A>,
  ) {
    this.repo = new ConnectorRepository(db);
    this.runs = new RunRepository(db);
    this.now = deps.now ?? (() => new Date());
  }

  async list() {
    return { asOf: this.now().toISOString(), items: (await this.repo.list()).map(connectorView) };
  }

  async get(id: string): Promise<ConnectorView> {
    return connectorView(await this.mustGet(id));
  }

  async create(body: unknown, actor: A): Promise<ConnectorView> {
    const input = parseInput(connectorCreateBody, body);
    this.checkDeclared(input.mapping.expression, input.schedule);
    const { view, secrets } = splitAuth(input.auth);
    const sealed = this.seal(input.id, secrets);
    const at = this.now();
    const fields = { ...input, auth: view };
    if (!(await this.repo.insert(fields, at))) {
      throw new DomainError(
        'conflict',
        'CONNECTOR_EXISTS',
        `Kết nối ${input.id} đã có · Connector ${input.id} exists`,
      );
    }
    await this.repo.setSecret(input.id, sealed, at);
    await this.deps.audit.record(actor, {
      action: 'connector.create',
      targetKind: 'connector',
      targetId: input.id,
      detail: {
        authKind: view.kind,
        secretFields: Object.keys(secrets).length,
        target: input.mapping.target,
      },
    });
    this.deps.onChanged?.(input.id);
    return this.get(input.id);
  }

  async update(id: string, body: unknown, actor: A): Promise<ConnectorView> {
    const patch = parseInput(connectorPatchBody, body);
    const current = await this.mustGet(id);
    this.checkDeclared(patch.mapping?.expression, patch.schedule ?? null);
    const at = this.now();
    const auth = patch.auth === undefined ? null : splitAuth(patch.auth);
    await this.repo.update(
      {
        id,
        name: patch.name ?? current.name,
        department: patch.department ?? current.department,
        source: patch.source ?? current.source,
        mapping: patch.mapping ?? current.mapping,
        auth: auth?.view ?? current.auth,
        schedule: patch.schedule === undefined ? current.schedule : patch.schedule,
        rateLimitPerMinute: patch.rateLimitPerMinute ?? current.rateLimitPerMinute,
        maxRetries: patch.maxRetries ?? current.maxRetries,
      },
      at,
    );
    if (auth !== null) await this.repo.setSecret(id, this.seal(id, auth.secrets), at);
    await this.deps.audit.record(actor, {
      action: 'connector.update',
      targetKind: 'connector',
      targetId: id,
      // Which fields changed; `auth` says only that the profile (and its secrets) was replaced.
      detail: { fields: Object.keys(patch).sort() },
    });
    this.deps.onChanged?.(id);
    return this.get(id);
  }

  async remove(id: string, actor: A): Promise<void> {
    if (!(await this.repo.remove(id))) throw notFound(id);
    await this.deps.audit.record(actor, {
      action: 'connector.delete',
      targetKind: 'connector',
      targetId: id,
    });
    this.deps.onChanged?.(id);
  }

  async setPaused(id: string, paused: boolean, actor: A): Promise<ConnectorView> {
    if (!(await this.repo.setPaused(id, paused, this.now()))) throw notFound(id);
    await this.deps.audit.record(actor, {
      action: paused ? 'connector.pause' : 'connector.resume',
      targetKind: 'connector',
      targetId: id,
    });
    this.deps.onChanged?.(id);
    return this.get(id);
  }

  /** The first 20 mapped records, nothing written. */
  async dryRun(id: string): Promise<DryRunResult> {
    const c = await this.mustGet(id);
    try {
      return await this.deps.runner.dryRun(c);
    } catch (err) {
      throw new DomainError(
        'unavailable',
        'CONNECTOR_SOURCE_FAILED',
        (err as Error).message.slice(0, 500),
      );
    }
  }

  /**
   * Runs a connector now (or joins the run in progress in this process); the finished run.
   * A paused connector runs only when asked by hand.
   */
  async runNow(id: string, trigger: 'schedule' | 'manual' = 'manual', actor?: A) {
    const c = await this.mustGet(id);
    if (trigger === 'schedule' && c.paused) return null;
    let run = this.running.get(id);
    if (run === undefined) {
      run = this.deps.runner.run(c, trigger).finally(() => this.running.delete(id));
      this.running.set(id, run);
    }
    const runId = await run;
    if (actor !== undefined) {
      await this.deps.audit.record(actor, {
        action: 'connector.run',
        targetKind: 'connector',
        targetId: id,
        detail: { runId },
      });
    }
    const view = await this.runs.get(runId);
    if (view === null) throw notFound(id);
    return view;
  }

  async history(id: string, limit = 50) {
    await this.mustGet(id);
    return { asOf: this.now().toISOString(), items: await this.runs.list(id, limit) };
  }

  async deadLetters(id: string, limit = 200) {
    await this.mustGet(id);
    return { asOf: this.now().toISOString(), items: await this.runs.deadLettersOf(id, limit) };
  }

  liveness() {
    return this.runs.liveness();
  }

  /** Opens a connector's sealed secrets for a run. */
  async secretsOf(c: StoredConnector): Promise<AuthSecrets> {
    const sealed = await this.repo.secretOf(c.id);
    if (sealed === null) return {};
    if (this.deps.secrets === null) throw new Error('CONNECTOR_SECRET_KEY is not configured');
    return JSON.parse(this.deps.secrets.open(sealed, c.id)) as AuthSecrets;
  }

  private seal(id: string, secrets: AuthSecrets): string | null {
    if (Object.keys(secrets).length === 0) return null;
    if (this.deps.secrets === null) {
      throw new DomainError(
        'unavailable',
        'CONNECTOR_SECRETS_UNCONFIGURED',
        'Chưa cấu hình CONNECTOR_SECRET_KEY: không thể lưu bí mật · CONNECTOR_SECRET_KEY is not set: secrets cannot be stored',
      );
    }
    return this.deps.secrets.seal(JSON.stringify(secrets), id);
  }

  private checkDeclared(expression: string | undefined, schedule: string | null): void {
    const details: { path: string; message: string }[] = [];
    const bad = expression === undefined ? null : RecordMapper.check(expression);
    if (bad !== null) details.push({ path: 'mapping.expression', message: bad });
    const badCron = schedule === null ? null : checkSchedule(schedule);
    if (badCron !== null) details.push({ path: 'schedule', message: badCron });
    if (details.length > 0) {
      throw new DomainError(
        'invalid',
        'INVALID_REQUEST',
        'Kết nối không hợp lệ · Invalid connector',
        { issues: details },
      );
    }
  }

  private async mustGet(id: string): Promise<StoredConnector> {
    const c = await this.repo.get(id);
    if (c === null) throw notFound(id);
    return c;
  }
}

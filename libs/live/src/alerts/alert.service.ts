import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  alertAssignBody,
  alertListQuery,
  alertNoteBody,
  alertReasonBody,
  DomainError,
  parseInput,
  ruleIdSchema,
  ruleListSchema,
  rulePatchSchema,
  type AlertActionName,
} from '@ioc/contracts';
import type { Pool } from '@ioc/db';
import { decodeCursor, encodeCursor, requireUnit, type LiveUnits } from '../common/query';
import type { AlertMailboxes } from '../notifications/alert-mail';
import {
  assignmentNotices,
  type AssignmentRecipients,
  type AvailableChannels,
} from '../notifications/assignment-notices';
import { PersonalNotificationRepository } from '../notifications/personal.repository';
import { notificationFor, type Notifier } from '../notifications/notifier.service';
import type { NotificationAttempt } from '../notifications/notification.repository';
import { ACTIVE_STATUSES, type Actor, type AlertStatus } from './alert';
import { AlertRepository, type AuditRow, type NoteRow } from './alert.repository';
import { inAlertTransaction } from './alert-transaction';
import { alertView, type AlertView } from './alert-view';
import type { AlertSink } from './alert-engine.service';
import { parseAssignee } from './assignee';
import type { AlertAction } from './lifecycle';
import { transition } from './lifecycle';
import { alertRuleSchema, type AlertRule } from './rule';
import { RuleRepository, type StoredRule } from './rule.repository';

export { ALERT_ACTIONS, type AlertActionName } from '@ioc/contracts';

export interface RuleView extends Omit<AlertRule, never> {
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertDetail extends AlertView {
  notes: { id: number; author: string; text: string; at: string }[];
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  actor: Actor;
  ip: string | null;
}

function ruleView(s: StoredRule): RuleView {
  return {
    ...s.rule,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function noteView(n: NoteRow): AlertDetail['notes'][number] {
  return { id: n.id, author: n.author, text: n.body, at: n.createdAt.toISOString() };
}

function toAction(name: AlertActionName, body: unknown): AlertAction {
  switch (name) {
    case 'acknowledge':
    case 'start':
    case 'close':
    case 'escalate':
      return { type: name };
    case 'resolve':
    case 'reopen': {
      const b = parseInput(alertReasonBody, body, 'BODY_INVALID');
      return b.reason !== undefined ? { type: name, reason: b.reason } : { type: name };
    }
    case 'note':
      return { type: 'note', text: parseInput(alertNoteBody, body, 'BODY_INVALID').text };
    case 'assign': {
      const a = parseInput(alertAssignBody, body, 'BODY_INVALID').assignee;
      if (a === null) return { type: 'assign', assignee: null };
      const assignee = typeof a === 'string' ? parseAssignee(a) : a;
      if (!assignee) {
        throw new DomainError(
          'invalid',
          'BODY_INVALID',
          'assignee must be "user:<id>" or "department:<code>"',
        );
      }
      return { type: 'assign', assignee };
    }
  }
}

/**
 * The operator side of alerts: listing, the lifecycle actions (each audited with who and when,
 * in the same transaction as the change) and alert rule administration.
 */
export class AlertService {
  private readonly alerts: AlertRepository;
  private readonly rules: RuleRepository;
  private readonly personal: PersonalNotificationRepository;

  constructor(
    private readonly pool: Pool,
    private readonly units: LiveUnits,
    private readonly notifier: Notifier,
    private readonly sink: AlertSink,
    private readonly onRulesChanged: () => void,
    private readonly clock: () => Date = () => new Date(),
    /** Who hears by e-mail of an alert handed to them; null: nobody (no SMTP configured). */
    private readonly mailboxes: AlertMailboxes | null = null,
    /** What this process can deliver to an assignee: e-mail needs SMTP, push VAPID keys. */
    private readonly channels: AvailableChannels = { email: true, push: false },
    /** What listed alerts gain beyond their row (an AI camera alert's snapshotUrl). */
    private readonly decorate: (view: AlertView) => AlertView = (view) => view,
  ) {
    this.alerts = new AlertRepository(pool);
    this.rules = new RuleRepository(pool);
    this.personal = new PersonalNotificationRepository(pool);
  }

  async list(
    input: unknown,
  ): Promise<{ asOf: string; items: AlertView[]; nextCursor: string | null }> {
    const q = parseInput(alertListQuery, input, 'QUERY_INVALID');
    const unitCodes = q.unit !== undefined ? await requireUnit(this.units, q.unit) : null;
    const statuses = q.status
      ? [
          ...new Set(
            q.status.flatMap((s) => (s === 'active' ? [...ACTIVE_STATUSES] : [s as AlertStatus])),
          ),
        ]
      : null;
    const before = decodeCursor(z.object({ t: z.number(), id: z.string() }), q.cursor);
    const rows = await this.alerts.list({
      unitCodes,
      statuses,
      ruleId: q.rule ?? null,
      deviceId: q.device ?? null,
      before: before ? { openedAt: new Date(before.t), id: before.id } : null,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      asOf: this.clock().toISOString(),
      items: page.map((r) => this.decorate(alertView(r.alert, r.ruleName, r.position))),
      nextCursor:
        rows.length > q.limit && last
          ? encodeCursor({ t: last.alert.openedAt.getTime(), id: last.alert.id })
          : null,
    };
  }

  /**
   * The unit of an alert, for access checks: undefined when there is no such alert (the handler
   * answers 404), null for an alert without a unit.
   */
  async unitOf(id: string): Promise<string | null | undefined> {
    const found = await this.alerts.get(id);
    return found ? found.alert.unitCode : undefined;
  }

  async get(id: string): Promise<AlertDetail> {
    const found = await this.alerts.get(id);
    if (!found) throw notFound(id);
    const notes = await this.alerts.notes(id);
    return {
      ...this.decorate(alertView(found.alert, found.ruleName, found.position)),
      notes: notes.map(noteView),
    };
  }

  async audit(
    id: string,
  ): Promise<{ asOf: string; items: (Omit<AuditRow, 'at'> & { at: string })[] }> {
    if (!(await this.alerts.get(id))) throw notFound(id);
    const rows = await this.alerts.auditTrail('alert', id);
    return {
      asOf: this.clock().toISOString(),
      items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    };
  }

  async notifications(id: string): Promise<{
    asOf: string;
    items: (Omit<NotificationAttempt, 'at' | 'nextAt' | 'payload'> & {
      at: string;
      nextAt: string | null;
    })[];
  }> {
    if (!(await this.alerts.get(id))) throw notFound(id);
    const rows = await this.notifier.history(id);
    return {
      asOf: this.clock().toISOString(),
      items: rows.map(({ payload: _payload, ...r }) => ({
        ...r,
        at: r.at.toISOString(),
        nextAt: r.nextAt?.toISOString() ?? null,
      })),
    };
  }

  /** The assignee's mailboxes and, for a person, their notification settings. */
  private async recipients(
    mailboxes: AlertMailboxes,
    assignee: NonNullable<Parameters<AlertMailboxes['recipientsFor']>[0]>,
  ): Promise<AssignmentRecipients> {
    const r = await mailboxes.recipientsFor(assignee);
    if (r.userId === undefined) return { name: r.name, emails: r.emails, person: null };
    const [preferences, subs] = await Promise.all([
      this.personal.preferences(r.userId),
      this.personal.subscriptions(r.userId),
    ]);
    return {
      name: r.name,
      emails: r.emails,
      person: {
        preferences,
        pushEndpoints: subs.map((x) => x.endpoint),
        phone: r.phone ?? null,
      },
    };
  }

  /** A lifecycle action by an operator; illegal moves are 409, malformed bodies 400. */
  async act(
    id: string,
    name: AlertActionName,
    body: unknown,
    origin: RequestOrigin,
  ): Promise<AlertView> {
    const action = toAction(name, body);
    // Looked up before the transaction: the office directory and users are other owners' tables.
    const tellTo =
      action.type === 'assign' && action.assignee && this.mailboxes
        ? await this.recipients(this.mailboxes, action.assignee)
        : null;
    const { view, notify } = await inAlertTransaction(this.pool, async (tx) => {
      const found = await tx.alerts.get(id, true);
      if (!found) throw notFound(id);
      const r = transition(found.alert, action, origin.actor, this.clock());
      if (!r.ok) {
        throw new DomainError(
          r.error.code === 'illegal_transition' ? 'conflict' : 'invalid',
          r.error.code === 'illegal_transition'
            ? 'ALERT_ILLEGAL_TRANSITION'
            : 'ALERT_INVALID_ACTION',
          r.error.message,
          { issues: [], from: r.error.from, action: r.error.action },
        );
      }
      await tx.alerts.update(r.alert);
      await tx.alerts.appendAudit(r.audit, origin.ip);
      if (r.note) await tx.alerts.insertNote(r.note);
      const v = alertView(r.alert, found.ruleName, found.position);
      let queued = false;
      if (action.type === 'escalate' || action.type === 'reopen') {
        const rule = await tx.rules.get(r.alert.ruleId);
        const n = rule
          ? notificationFor(
              v,
              action.type === 'escalate' ? 'alert.escalated' : 'alert.reopened',
              rule.rule,
            )
          : null;
        if (n) {
          await tx.notifications.enqueue(n);
          queued = true;
        }
      }
      if (tellTo !== null) {
        // Queued with the change: sent if and only if it committed.
        for (const n of assignmentNotices(v, tellTo, this.channels, this.clock())) {
          await tx.notifications.enqueue(n);
          queued = true;
        }
      }
      return { view: v, notify: queued };
    });
    this.sink(view);
    if (notify) this.notifier.kick();
    return view;
  }

  async listRules(input: unknown): Promise<{ asOf: string; items: RuleView[] }> {
    const q = parseInput(ruleListSchema, input, 'QUERY_INVALID');
    const rows = await this.rules.list({
      ...(q.enabled !== undefined ? { enabled: q.enabled === 'true' } : {}),
      ...(q.kind !== undefined ? { kind: q.kind } : {}),
    });
    return { asOf: this.clock().toISOString(), items: rows.map(ruleView) };
  }

  async getRule(id: string): Promise<RuleView> {
    const r = await this.rules.get(id);
    if (!r) throw ruleNotFound(id);
    return ruleView(r);
  }

  async createRule(body: unknown, origin: RequestOrigin): Promise<RuleView> {
    const given = (body ?? {}) as { id?: unknown };
    const id =
      given.id === undefined ? randomUUID() : parseInput(ruleIdSchema, given.id, 'RULE_INVALID');
    const rule = parseInput(alertRuleSchema, { ...(body as object), id }, 'RULE_INVALID');
    const stored = await inAlertTransaction(this.pool, async (tx) => {
      if (await tx.rules.get(id)) {
        throw new DomainError('conflict', 'RULE_EXISTS', `An alert rule with id ${id} exists`);
      }
      const s = await tx.rules.insert(rule, origin.actor.id);
      await tx.alerts.appendAuditRaw({
        actor: origin.actor.id,
        actorKind: origin.actor.kind,
        action: 'rule_create',
        targetKind: 'alert_rule',
        targetId: id,
        ip: origin.ip,
        detail: { rule: ruleView(s) },
      });
      return s;
    });
    this.onRulesChanged();
    return ruleView(stored);
  }

  async updateRule(id: string, body: unknown, origin: RequestOrigin): Promise<RuleView> {
    const patch = parseInput(rulePatchSchema, body, 'RULE_INVALID');
    const stored = await inAlertTransaction(this.pool, async (tx) => {
      const current = await tx.rules.get(id, true);
      if (!current) throw ruleNotFound(id);
      if (patch.kind !== undefined && patch.kind !== current.rule.kind) {
        throw new DomainError('invalid', 'RULE_INVALID', 'kind cannot change; create a new rule');
      }
      const { kind: _kind, params, ...rest } = patch;
      const next = parseInput(
        alertRuleSchema,
        { ...current.rule, ...rest, params: { ...current.rule.params, ...(params ?? {}) } },
        'RULE_INVALID',
      );
      const saved = await tx.rules.update(next);
      if (!saved) throw ruleNotFound(id);
      await tx.alerts.appendAuditRaw({
        actor: origin.actor.id,
        actorKind: origin.actor.kind,
        action: 'rule_update',
        targetKind: 'alert_rule',
        targetId: id,
        ip: origin.ip,
        detail: { patch: patch as Record<string, unknown> },
      });
      return saved;
    });
    this.onRulesChanged();
    return ruleView(stored);
  }
}

function notFound(id: string): DomainError {
  return new DomainError('not_found', 'ALERT_NOT_FOUND', `No alert ${id.slice(0, 64)}`);
}

function ruleNotFound(id: string): DomainError {
  return new DomainError('not_found', 'RULE_NOT_FOUND', `No alert rule ${id.slice(0, 128)}`);
}

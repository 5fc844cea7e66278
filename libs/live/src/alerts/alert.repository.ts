import type { Queryable } from '@ioc/db';
import type { Alert, AlertNote, AuditEntry } from './alert';
import { alertFromRow, alertToRow, type AlertRow } from './alert-row';

const COLUMNS = [
  'id',
  'rule_id',
  'device_id',
  'unit_code',
  'status',
  'severity',
  'level',
  'value',
  'message',
  'assignee',
  'opened_at',
  'acknowledged_at',
  'resolved_at',
  'closed_at',
  'reopened_at',
  'last_value_at',
  'escalations',
  'escalated_at',
  'updated_at',
] as const;
const SELECT = COLUMNS.map((c) => `a.${c}`).join(', ');

export interface AlertWithRule {
  alert: Alert;
  ruleName: string | null;
  /** The device's position (last known, for mobile devices), for plotting the alert. */
  position: { lon: number; lat: number } | null;
}

type PositionCols = { device_lon: number | null; device_lat: number | null };
const POSITION_SELECT = 'dv.lon AS device_lon, dv.lat AS device_lat';
const POSITION_JOIN = 'LEFT JOIN device dv ON dv.id = a.device_id';

function positionOf(r: PositionCols): { lon: number; lat: number } | null {
  return r.device_lon !== null && r.device_lat !== null
    ? { lon: r.device_lon, lat: r.device_lat }
    : null;
}

export interface AlertFilter {
  unitCodes: readonly string[] | null;
  statuses: readonly string[] | null;
  ruleId: string | null;
  deviceId: string | null;
  /** Keyset: alerts opened before (openedAt, id). */
  before: { openedAt: Date; id: string } | null;
  limit: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  actorKind: string;
  action: string;
  targetKind: string;
  targetId: string | null;
  unitCode: string | null;
  ip: string | null;
  detail: unknown;
}

export interface NoteRow {
  id: number;
  author: string;
  body: string;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * alert, alert_note and the alert part of audit_log. Over the pool for reads; a change is made
 * through one constructed over its transaction's client, so the alert, its audit rows and its
 * notes commit together.
 */
export class AlertRepository {
  constructor(private readonly db: Queryable) {}

  async insert(alert: Alert): Promise<void> {
    const row = alertToRow(alert);
    const values = COLUMNS.map((c) => row[c]);
    await this.db.query(
      `INSERT INTO alert (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${String(i + 1)}`).join(', ')})`,
      values,
    );
  }

  async update(alert: Alert): Promise<void> {
    const row = alertToRow(alert);
    const sets = COLUMNS.slice(1).map((c, i) => `${c} = $${String(i + 2)}`);
    await this.db.query(
      `UPDATE alert SET ${sets.join(', ')} WHERE id = $1`,
      COLUMNS.map((c) => row[c]),
    );
  }

  /** The newest alert of a rule × device that is not closed (active or resolved), locked. */
  async latestNotClosed(ruleId: string, deviceId: string | null): Promise<Alert | null> {
    const { rows } = await this.db.query<AlertRow>(
      `SELECT ${SELECT} FROM alert a
       WHERE a.rule_id = $1 AND coalesce(a.device_id, '') = coalesce($2::text, '') AND a.status <> 'closed'
       ORDER BY a.opened_at DESC LIMIT 1
       FOR UPDATE`,
      [ruleId, deviceId],
    );
    return rows[0] ? alertFromRow(rows[0]) : null;
  }

  async get(id: string, forUpdate = false): Promise<AlertWithRule | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.db.query<AlertRow & PositionCols & { rule_name: string | null }>(
      `SELECT ${SELECT}, r.name AS rule_name, ${POSITION_SELECT}
       FROM alert a JOIN alert_rule r ON r.id = a.rule_id ${POSITION_JOIN}
       WHERE a.id = $1${forUpdate ? ' FOR UPDATE OF a' : ''}`,
      [id],
    );
    const r = rows[0];
    return r ? { alert: alertFromRow(r), ruleName: r.rule_name, position: positionOf(r) } : null;
  }

  async list(f: AlertFilter): Promise<AlertWithRule[]> {
    const { rows } = await this.db.query<AlertRow & PositionCols & { rule_name: string | null }>(
      `SELECT ${SELECT}, r.name AS rule_name, ${POSITION_SELECT}
       FROM alert a JOIN alert_rule r ON r.id = a.rule_id ${POSITION_JOIN}
       WHERE ($1::text[] IS NULL OR a.unit_code = ANY($1::text[]))
         AND ($2::text[] IS NULL OR a.status = ANY($2::text[]))
         AND ($3::text IS NULL OR a.rule_id = $3)
         AND ($4::text IS NULL OR a.device_id = $4)
         AND ($5::timestamptz IS NULL OR (a.opened_at, a.id) < ($5::timestamptz, $6::uuid))
       ORDER BY a.opened_at DESC, a.id DESC
       LIMIT ${String(Math.max(1, Math.floor(f.limit)))}`,
      [
        f.unitCodes ? [...f.unitCodes] : null,
        f.statuses ? [...f.statuses] : null,
        f.ruleId,
        f.deviceId,
        f.before?.openedAt ?? null,
        f.before?.id ?? null,
      ],
    );
    return rows.map((r) => ({
      alert: alertFromRow(r),
      ruleName: r.rule_name,
      position: positionOf(r),
    }));
  }

  /**
   * Open alerts of rules that escalate, with the rule's minutes. With `lockIds`, only those
   * alerts, locked (skipping any another transaction holds): the scan itself takes no locks, so
   * the once-a-second pass does not dirty every open alert's row.
   */
  async openEscalatable(
    maxEscalations: number,
    lockIds: readonly string[] | null = null,
  ): Promise<
    { alert: Alert; ruleName: string; escalateAfterMin: number; webhookUrl: string | null }[]
  > {
    const { rows } = await this.db.query<
      AlertRow & { rule_name: string; escalate_after_min: number; webhook_url: string | null }
    >(
      `SELECT ${SELECT}, r.name AS rule_name, r.escalate_after_min, r.webhook_url
       FROM alert a JOIN alert_rule r ON r.id = a.rule_id
       WHERE a.status = 'open' AND r.escalate_after_min IS NOT NULL AND a.escalations < $1
         AND ($2::uuid[] IS NULL OR a.id = ANY($2::uuid[]))
       ${lockIds ? 'FOR UPDATE OF a SKIP LOCKED' : ''}`,
      [maxEscalations, lockIds ? [...lockIds] : null],
    );
    return rows.map((r) => ({
      alert: alertFromRow(r),
      ruleName: r.rule_name,
      escalateAfterMin: r.escalate_after_min,
      webhookUrl: r.webhook_url,
    }));
  }

  async appendAudit(entry: AuditEntry, ip: string | null = null): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (at, actor, actor_kind, action, target_kind, target_id, unit_code, ip, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.at,
        entry.who,
        entry.actorKind,
        entry.action,
        entry.targetKind,
        entry.targetId,
        entry.unitCode,
        ip,
        JSON.stringify({ ...entry.detail, from: entry.from, to: entry.to }),
      ],
    );
  }

  async insertNote(note: AlertNote): Promise<void> {
    await this.db.query(
      'INSERT INTO alert_note (alert_id, author, body, created_at) VALUES ($1, $2, $3, $4)',
      [note.alertId, note.author, note.text, note.at],
    );
  }

  async notes(alertId: string): Promise<NoteRow[]> {
    const { rows } = await this.db.query<{
      id: number;
      author: string;
      body: string;
      created_at: Date;
    }>(
      'SELECT id, author, body, created_at FROM alert_note WHERE alert_id = $1 ORDER BY created_at, id',
      [alertId],
    );
    return rows.map((r) => ({ id: r.id, author: r.author, body: r.body, createdAt: r.created_at }));
  }

  async auditTrail(targetKind: string, targetId: string): Promise<AuditRow[]> {
    const { rows } = await this.db.query<{
      id: number;
      at: Date;
      actor: string;
      actor_kind: string;
      action: string;
      target_kind: string;
      target_id: string | null;
      unit_code: string | null;
      ip: string | null;
      detail: unknown;
    }>(
      `SELECT id, at, actor, actor_kind, action, target_kind, target_id, unit_code, ip, detail
       FROM audit_log WHERE target_kind = $1 AND target_id = $2 ORDER BY at, id`,
      [targetKind, targetId],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorKind: r.actor_kind,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      unitCode: r.unit_code,
      ip: r.ip,
      detail: r.detail,
    }));
  }

  /** An audit row about something other than an alert (rule changes). */
  async appendAuditRaw(e: {
    actor: string;
    actorKind: string;
    action: string;
    targetKind: string;
    targetId: string;
    ip: string | null;
    detail: unknown;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor, actor_kind, action, target_kind, target_id, ip, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.actor, e.actorKind, e.action, e.targetKind, e.targetId, e.ip, JSON.stringify(e.detail)],
    );
  }
}

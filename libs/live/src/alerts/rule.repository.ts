import type { Queryable } from '@ioc/db';
import { parseAlertRule, type AlertRule } from './rule';
import { initialRuleState, parseRuleState, type RuleState } from './rule-state';

interface RuleRow {
  id: string;
  name: string;
  kind: string;
  params: unknown;
  scope: unknown;
  severity: string;
  auto_resolve: boolean;
  escalate_after_min: number | null;
  webhook_url: string | null;
  enabled: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface StoredRule {
  rule: AlertRule;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS =
  'id, name, kind, params, scope, severity, auto_resolve, escalate_after_min, webhook_url, enabled, created_by, created_at, updated_at';

/** A stored row as a validated rule; null when the row no longer validates (edited by hand). */
function fromRow(r: RuleRow): StoredRule | null {
  try {
    const rule = parseAlertRule({
      id: r.id,
      name: r.name,
      kind: r.kind,
      params: r.params,
      scope: r.scope,
      severity: r.severity,
      autoResolve: r.auto_resolve,
      escalateAfterMin: r.escalate_after_min,
      webhookUrl: r.webhook_url,
      enabled: r.enabled,
    });
    return { rule, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at };
  } catch {
    return null;
  }
}

export interface StateKey {
  ruleId: string;
  deviceId: string;
}

/** alert_rule and alert_rule_state. */
export class RuleRepository {
  constructor(private readonly db: Queryable) {}

  async insert(rule: AlertRule, createdBy: string): Promise<StoredRule> {
    const { rows } = await this.db.query<RuleRow>(
      `INSERT INTO alert_rule (id, name, kind, params, scope, severity, auto_resolve, escalate_after_min, webhook_url, enabled, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING ${COLUMNS}`,
      [
        rule.id,
        rule.name,
        rule.kind,
        JSON.stringify(rule.params),
        JSON.stringify(rule.scope),
        rule.severity,
        rule.autoResolve,
        rule.escalateAfterMin,
        rule.webhookUrl,
        rule.enabled,
        createdBy,
      ],
    );
    const stored = rows[0] ? fromRow(rows[0]) : null;
    if (!stored) throw new Error('alert_rule insert returned no valid row');
    return stored;
  }

  async update(rule: AlertRule): Promise<StoredRule | null> {
    const { rows } = await this.db.query<RuleRow>(
      `UPDATE alert_rule SET name = $2, params = $3, scope = $4, severity = $5, auto_resolve = $6,
              escalate_after_min = $7, webhook_url = $8, enabled = $9, updated_at = now()
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        rule.id,
        rule.name,
        JSON.stringify(rule.params),
        JSON.stringify(rule.scope),
        rule.severity,
        rule.autoResolve,
        rule.escalateAfterMin,
        rule.webhookUrl,
        rule.enabled,
      ],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async get(id: string, forUpdate = false): Promise<StoredRule | null> {
    const { rows } = await this.db.query<RuleRow>(
      `SELECT ${COLUMNS} FROM alert_rule WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async list(filter: { enabled?: boolean; kind?: string } = {}): Promise<StoredRule[]> {
    const { rows } = await this.db.query<RuleRow>(
      `SELECT ${COLUMNS} FROM alert_rule
       WHERE ($1::boolean IS NULL OR enabled = $1) AND ($2::text IS NULL OR kind = $2)
       ORDER BY created_at, id`,
      [filter.enabled ?? null, filter.kind ?? null],
    );
    return rows.map(fromRow).filter((r): r is StoredRule => r !== null);
  }

  /**
   * Locks the evaluator states of these rule × device pairs for the transaction, creating the
   * missing ones; always in key order, so concurrent evaluators (replicas) cannot deadlock.
   */
  async lockStates(keys: readonly StateKey[]): Promise<Map<string, RuleState>> {
    const out = new Map<string, RuleState>();
    if (keys.length === 0) return out;
    const sorted = [...keys].sort((a, b) =>
      a.ruleId === b.ruleId ? cmp(a.deviceId, b.deviceId) : cmp(a.ruleId, b.ruleId),
    );
    const ruleIds = sorted.map((k) => k.ruleId);
    const deviceIds = sorted.map((k) => k.deviceId);
    await this.db.query(
      `INSERT INTO alert_rule_state (rule_id, device_id, state)
       SELECT rule_id, device_id, $3::jsonb FROM unnest($1::text[], $2::text[]) AS k(rule_id, device_id)
       ON CONFLICT (rule_id, device_id) DO NOTHING`,
      [ruleIds, deviceIds, JSON.stringify(initialRuleState())],
    );
    const { rows } = await this.db.query<{ rule_id: string; device_id: string; state: unknown }>(
      `SELECT s.rule_id, s.device_id, s.state
       FROM alert_rule_state s
       JOIN unnest($1::text[], $2::text[]) AS k(rule_id, device_id)
         ON s.rule_id = k.rule_id AND s.device_id = k.device_id
       ORDER BY s.rule_id COLLATE "C", s.device_id COLLATE "C"
       FOR UPDATE OF s`,
      [ruleIds, deviceIds],
    );
    for (const r of rows) out.set(stateKey(r.rule_id, r.device_id), parseRuleState(r.state));
    return out;
  }

  async saveStates(states: readonly { key: StateKey; state: RuleState }[]): Promise<void> {
    if (states.length === 0) return;
    await this.db.query(
      `UPDATE alert_rule_state s SET state = k.state, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS k(rule_id, device_id, state)
       WHERE s.rule_id = k.rule_id AND s.device_id = k.device_id`,
      [
        states.map((s) => s.key.ruleId),
        states.map((s) => s.key.deviceId),
        states.map((s) => JSON.stringify(s.state)),
      ],
    );
  }

  /** Pairs of these rules whose condition is active (level > 0): the ones a reading may clear. */
  async activeStates(
    ruleIds: readonly string[],
    deviceIds: readonly string[],
  ): Promise<StateKey[]> {
    if (ruleIds.length === 0 || deviceIds.length === 0) return [];
    const { rows } = await this.db.query<{ rule_id: string; device_id: string }>(
      `SELECT rule_id, device_id FROM alert_rule_state
       WHERE rule_id = ANY($1::text[]) AND device_id = ANY($2::text[]) AND (state->>'level')::int > 0`,
      [[...ruleIds], [...deviceIds]],
    );
    return rows.map((r) => ({ ruleId: r.rule_id, deviceId: r.device_id }));
  }

  /** Every state of these rules (the silence timer's view of no-data rules). */
  async statesOf(ruleIds: readonly string[]): Promise<Map<string, RuleState>> {
    const out = new Map<string, RuleState>();
    if (ruleIds.length === 0) return out;
    const { rows } = await this.db.query<{ rule_id: string; device_id: string; state: unknown }>(
      'SELECT rule_id, device_id, state FROM alert_rule_state WHERE rule_id = ANY($1::text[])',
      [[...ruleIds]],
    );
    for (const r of rows) out.set(stateKey(r.rule_id, r.device_id), parseRuleState(r.state));
    return out;
  }
}

export function stateKey(ruleId: string, deviceId: string): string {
  return `${ruleId}\u0000${deviceId}`;
}

/** Byte order, as COLLATE "C" sorts: the lock order must be the same in JS and SQL. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

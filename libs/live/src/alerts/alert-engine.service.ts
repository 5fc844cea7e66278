import type { Reading } from '@ioc/contracts';
import type { Pool } from '@ioc/db';
import type { LiveUnits } from '../common/query';
import type { LiveLogger } from '../common/logger';
import { notificationFor, type Notifier } from '../notifications/notifier.service';
import type { Alert } from './alert';
import { inRetriedAlertTransaction, type AlertTransaction } from './alert-transaction';
import { alertView, type AlertView } from './alert-view';
import type { DeviceContext } from './device-context';
import { dueEscalations } from './escalation';
import { evaluateReading, evaluateSilence, type ReadingInput } from './evaluate';
import { metricLabels, NO_LABELS, type MetricLabels, type MetricNames } from './naming';
import { isDeviceRule, type AlertRule } from './rule';
import { RuleRepository, stateKey, type StateKey } from './rule.repository';
import type { RuleState } from './rule-state';
import { ruleApplies } from './scope';
import type { RuleTransition } from './transition-types';
import { writeRuleTransition } from './write-transition';

/** What the engine needs to know about a device (the ingest DeviceDirectory satisfies it). */
export interface DeviceInfo {
  id: string;
  name?: string | null;
  kind: string;
  unitCode: string | null;
  expectedIntervalS: number;
  profile?: unknown;
  lon?: number | null;
  lat?: number | null;
}

export interface DeviceLookup {
  get(id: string): Promise<DeviceInfo | null>;
  /** The cached record when fresh, synchronously (DeviceDirectory.peek); undefined = unknown. */
  peek?(id: string): DeviceInfo | undefined;
}

/** Where alert changes go once committed (the hub and the bus). */
export type AlertSink = (alert: AlertView) => void;

export interface AlertEngineOptions {
  /** How often open alerts are checked for escalation. */
  escalationTickMs: number;
  /** How often no-data rules look for silent devices. */
  silenceTickMs: number;
  /** Enabled rules are re-read at least this often (and at once after a change through the API). */
  rulesTtlMs: number;
  maxEscalations: number;
  /** Rows waiting for evaluation while the database is slow; older ones are dropped past it. */
  maxBufferedRows: number;
}

export const DEFAULT_ENGINE_OPTIONS: AlertEngineOptions = {
  escalationTickMs: 1000,
  silenceTickMs: 15_000,
  rulesTtlMs: 5000,
  maxEscalations: 3,
  maxBufferedRows: 500_000,
};

/** Advisory locks: one replica at a time runs each timer's pass. */
const ESCALATION_LOCK = 4_857_301;
const SILENCE_LOCK = 4_857_302;

interface Pair {
  key: StateKey;
  rule: AlertRule;
  device: DeviceContext;
  readings: ReadingInput[];
}

interface Changed {
  alert: Alert;
  rule: AlertRule;
}

export interface EngineStats {
  evaluatedRows: number;
  transitions: number;
  droppedRows: number;
  errors: number;
}

/**
 * Evaluates alert rules as data arrives and on timers, and writes the outcome through the alert
 * lifecycle. Per stored batch: the rule × device pairs it touches are locked (their evaluator
 * state rows, in key order), every reading is fed to the pure evaluator in time order, and each
 * transition becomes an alert insert/update + audit rows + queued notifications — all in one
 * transaction, so two replicas evaluating the same device serialise on the state rows and a
 * crash never leaves an alert without its audit trail. Committed changes are then published.
 */
export class AlertEngine {
  /** Reads outside a transaction (the rule cache, the silent-pair prefilter). */
  private readonly rulesRepo: RuleRepository;
  private options: AlertEngineOptions;
  private rulesCache: { at: number; rules: AlertRule[] } | undefined;
  /** How messages name metrics: the catalogue, loaded at start (it changes only by migration). */
  private readonly labels: MetricLabels;
  private buffer: Reading[] = [];
  private draining: Promise<void> | undefined;
  private escalationTimer: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  private ticking = new Set<Promise<unknown>>();
  private stopped = true;
  readonly stats: EngineStats = { evaluatedRows: 0, transitions: 0, droppedRows: 0, errors: 0 };

  constructor(
    private readonly pool: Pool,
    private readonly devices: DeviceLookup,
    private readonly units: Pick<LiveUnits, 'parentOf'>,
    private readonly notifier: Notifier,
    private readonly sink: AlertSink,
    private readonly log: LiveLogger,
    metrics: MetricNames | null = null,
    options: Partial<AlertEngineOptions> = {},
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.rulesRepo = new RuleRepository(pool);
    this.labels = metrics ? metricLabels(metrics.all()) : NO_LABELS;
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options };
  }

  /** Evaluates stored readings from now on, and runs the escalation and silence timers. */
  start(): void {
    this.stopped = false;
    this.startTimers();
  }

  /**
   * Evaluates stored readings without the timers: a process whose timers run under a cluster
   * lease (apps/api composition/jobs.ts) starts them with startTimers() once it holds it.
   */
  startEvaluating(): void {
    this.stopped = false;
  }

  startTimers(): void {
    this.escalationTimer ??= setInterval(() => {
      this.track(this.escalationTick());
    }, this.options.escalationTickMs);
    this.silenceTimer ??= setInterval(() => {
      this.track(this.silenceTick());
    }, this.options.silenceTickMs);
    this.escalationTimer.unref();
    this.silenceTimer.unref();
  }

  /** Stops the timers at once (a lost lease); evaluation of stored readings goes on. */
  stopTimers(): void {
    if (this.escalationTimer) clearInterval(this.escalationTimer);
    if (this.silenceTimer) clearInterval(this.silenceTimer);
    this.escalationTimer = undefined;
    this.silenceTimer = undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.escalationTimer) clearInterval(this.escalationTimer);
    if (this.silenceTimer) clearInterval(this.silenceTimer);
    this.escalationTimer = undefined;
    this.silenceTimer = undefined;
    await this.idle();
  }

  /** Runtime tuning (drills, tests): timer periods and limits. */
  configure(options: Partial<AlertEngineOptions>): void {
    this.options = { ...this.options, ...options };
    // Only where the timers run (not in a process waiting for the jobs' lease).
    if (!this.stopped && this.escalationTimer) {
      this.stopTimers();
      this.startTimers();
    }
  }

  /** Rules changed (through the API here or on another replica): re-read them before the next evaluation. */
  invalidateRules(): void {
    this.rulesCache = undefined;
  }

  /** Committed readings from the writer. Returns at once; evaluation runs in order in the background. */
  onStored(rows: readonly Reading[]): void {
    if (this.stopped || rows.length === 0) return;
    this.buffer.push(...rows);
    const excess = this.buffer.length - this.options.maxBufferedRows;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.stats.droppedRows += excess;
      this.log.warn(`alert engine is behind: dropped ${String(excess)} readings from evaluation`);
    }
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves when everything handed in so far has been evaluated and every timer pass is done. */
  async idle(): Promise<void> {
    while (this.draining || this.ticking.size > 0) {
      await this.draining;
      await Promise.all([...this.ticking]);
    }
  }

  async activeRules(): Promise<AlertRule[]> {
    const now = Date.now();
    if (this.rulesCache && now - this.rulesCache.at < this.options.rulesTtlMs)
      return this.rulesCache.rules;
    const stored = await this.rulesRepo.list({ enabled: true });
    const rules = stored.map((s) => s.rule);
    this.rulesCache = { at: now, rules };
    return rules;
  }

  private track(p: Promise<unknown>): void {
    this.ticking.add(p);
    void p.finally(() => this.ticking.delete(p));
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const rows = this.buffer.splice(0, 20_000);
      try {
        await this.evaluateRows(rows);
        this.stats.evaluatedRows += rows.length;
      } catch (err) {
        this.stats.errors++;
        this.log.error(`alert evaluation failed: ${(err as Error).message}`);
      }
    }
  }

  private async context(
    deviceId: string,
    readingUnit: string | null,
  ): Promise<DeviceContext | null> {
    const d = await this.devices.get(deviceId);
    if (!d) return null;
    const unitCode = readingUnit ?? d.unitCode;
    const profile = (d.profile ?? {}) as { levels?: unknown; alarmLevels?: unknown };
    const rawLevels = Array.isArray(profile.levels) ? profile.levels : profile.alarmLevels;
    const levels =
      Array.isArray(rawLevels) && rawLevels.every((v) => typeof v === 'number') ? rawLevels : null;
    return {
      id: d.id,
      name: d.name ?? null,
      kind: d.kind,
      unitCode,
      provinceCode:
        unitCode === null ? null : unitCode.length === 2 ? unitCode : this.units.parentOf(unitCode),
      levels,
      expectedIntervalS: d.expectedIntervalS,
    };
  }

  private async evaluateRows(rows: readonly Reading[]): Promise<void> {
    const rules = await this.activeRules();
    if (rules.length === 0) return;
    const deviceRules = rules.filter(isDeviceRule);
    const readingRules = deviceRules.filter((r) => r.kind !== 'no_data');
    const silenceRules = deviceRules.filter((r) => r.kind === 'no_data');
    const watched = new Set(readingRules.map((r) => r.params.metric));

    const byDevice = new Map<string, Reading[]>();
    for (const r of rows) {
      if (silenceRules.length === 0 && !watched.has(r.metric)) continue;
      let list = byDevice.get(r.deviceId);
      if (!list) byDevice.set(r.deviceId, (list = []));
      list.push(r);
    }
    if (byDevice.size === 0) return;

    const pairs = new Map<string, Pair>();
    const silenceCandidates = new Map<string, Pair>();
    for (const [deviceId, list] of byDevice) {
      list.sort((a, b) => a.time.getTime() - b.time.getTime());
      const newest = list[list.length - 1];
      if (!newest) continue;
      const device = await this.context(deviceId, newest.unitCode);
      if (!device) continue;
      for (const rule of readingRules) {
        if (!ruleApplies(rule, device)) continue;
        const metric = rule.params.metric;
        const readings = list.filter((r) => r.metric === metric);
        if (readings.length === 0) continue;
        const key = { ruleId: rule.id, deviceId };
        pairs.set(stateKey(rule.id, deviceId), { key, rule, device, readings });
      }
      for (const rule of silenceRules) {
        if (!ruleApplies(rule, device)) continue;
        const key = { ruleId: rule.id, deviceId };
        silenceCandidates.set(stateKey(rule.id, deviceId), {
          key,
          rule,
          device,
          readings: [newest],
        });
      }
    }
    if (silenceCandidates.size > 0) {
      // A reading clears a no-data condition; only pairs currently silent need the transaction.
      const active = await this.rulesRepo.activeStates(
        [...new Set([...silenceCandidates.values()].map((p) => p.rule.id))],
        [...new Set([...silenceCandidates.values()].map((p) => p.device.id))],
      );
      for (const k of active) {
        const p = silenceCandidates.get(stateKey(k.ruleId, k.deviceId));
        if (p) pairs.set(stateKey(k.ruleId, k.deviceId), p);
      }
    }
    if (pairs.size === 0) return;

    const changed = await inRetriedAlertTransaction(this.pool, async (tx) => {
      const states = await tx.rules.lockStates([...pairs.values()].map((p) => p.key));
      const out: Changed[] = [];
      const save: { key: StateKey; state: RuleState }[] = [];
      for (const [k, p] of pairs) {
        let state = states.get(k) ?? null;
        const before = state;
        for (const reading of p.readings) {
          const ev = evaluateReading(p.rule, state, reading, p.device, this.labels);
          state = ev.state;
          if (ev.transition) {
            const alert = await this.applyTransition(tx, p.rule, p.device, ev.transition);
            if (alert) out.push({ alert, rule: p.rule });
          }
        }
        if (state && state !== before) save.push({ key: p.key, state });
      }
      await tx.rules.saveStates(save);
      return out;
    });
    this.publish(changed);
  }

  /** One transition through the lifecycle, written with its audit rows and notifications. */
  private async applyTransition(
    tx: AlertTransaction,
    rule: AlertRule,
    device: DeviceContext,
    t: RuleTransition,
  ): Promise<Alert | null> {
    const alert = await writeRuleTransition(tx, rule, device.unitCode, t, this.clock());
    if (alert) this.stats.transitions++;
    return alert;
  }

  /** Escalates open alerts nobody acknowledged within their rule's escalate_after_min. */
  async escalationTick(): Promise<number> {
    if (this.stopped) return 0;
    try {
      const changed = await inRetriedAlertTransaction(this.pool, async (tx) => {
        if (!(await tx.tryLock(ESCALATION_LOCK))) return [];
        const max = this.options.maxEscalations;
        const findDue = (list: { alert: Alert; escalateAfterMin: number }[]) => {
          const minutes = new Map(list.map((o) => [o.alert.id, o.escalateAfterMin]));
          return dueEscalations(
            list.map((o) => o.alert),
            this.clock(),
            (a) => minutes.get(a.id),
            { maxEscalations: max },
          );
        };
        const candidates = findDue(await tx.alerts.openEscalatable(max));
        if (candidates.length === 0) return [];
        // Lock just the due ones and decide again on their current rows.
        const open = await tx.alerts.openEscalatable(
          max,
          candidates.map((d) => d.alert.id),
        );
        const byId = new Map(open.map((o) => [o.alert.id, o]));
        const due = findDue(open);
        const out: { alert: Alert; ruleName: string }[] = [];
        for (const d of due) {
          const meta = byId.get(d.alert.id);
          if (!meta) continue;
          await tx.alerts.update(d.alert);
          await tx.alerts.appendAudit(d.audit);
          const n = notificationFor(alertView(d.alert, meta.ruleName), 'alert.escalated', {
            id: d.alert.ruleId,
            name: meta.ruleName,
            webhookUrl: meta.webhookUrl,
          });
          if (n) await tx.notifications.enqueue(n);
          out.push({ alert: d.alert, ruleName: meta.ruleName });
        }
        return out;
      });
      for (const ch of changed) this.sink(alertView(ch.alert, ch.ruleName));
      if (changed.length > 0) this.notifier.kick();
      return changed.length;
    } catch (err) {
      this.stats.errors++;
      this.log.warn(`escalation pass failed: ${(err as Error).message}`);
      return 0;
    }
  }

  /** Fires (and clears) no-data rules from device.last_seen against each device's interval. */
  async silenceTick(): Promise<number> {
    if (this.stopped) return 0;
    try {
      const rules = (await this.activeRules()).filter((r) => r.kind === 'no_data');
      if (rules.length === 0) return 0;
      const changed = await inRetriedAlertTransaction(this.pool, async (tx) => {
        if (!(await tx.tryLock(SILENCE_LOCK))) return [];
        const now = this.clock();
        const devices = await tx.fleet.devices(null);
        const states = await tx.rules.statesOf(rules.map((r) => r.id));
        const candidates: {
          key: StateKey;
          rule: AlertRule;
          device: DeviceContext;
          lastSeen: Date | null;
          since: Date;
        }[] = [];
        for (const d of devices) {
          const device: DeviceContext = {
            id: d.id,
            name: d.name,
            kind: d.kind,
            unitCode: d.unitCode,
            provinceCode:
              d.unitCode === null
                ? null
                : d.unitCode.length === 2
                  ? d.unitCode
                  : this.units.parentOf(d.unitCode),
            expectedIntervalS: d.expectedIntervalS,
          };
          for (const rule of rules) {
            if (!ruleApplies(rule, device)) continue;
            const input = {
              now,
              lastSeen: d.lastSeen,
              expectedIntervalS: d.expectedIntervalS,
              since: d.createdAt,
            };
            const ev = evaluateSilence(
              rule,
              states.get(stateKey(rule.id, d.id)) ?? null,
              input,
              device,
            );
            if (ev.transition) {
              candidates.push({
                key: { ruleId: rule.id, deviceId: d.id },
                rule,
                device,
                lastSeen: d.lastSeen,
                since: d.createdAt,
              });
            }
          }
        }
        if (candidates.length === 0) return [];
        const locked = await tx.rules.lockStates(candidates.map((x) => x.key));
        const out: Changed[] = [];
        const save: { key: StateKey; state: RuleState }[] = [];
        for (const cand of candidates) {
          const state = locked.get(stateKey(cand.key.ruleId, cand.key.deviceId)) ?? null;
          const ev = evaluateSilence(
            cand.rule,
            state,
            {
              now,
              lastSeen: cand.lastSeen,
              expectedIntervalS: cand.device.expectedIntervalS ?? 300,
              since: cand.since,
            },
            cand.device,
          );
          save.push({ key: cand.key, state: ev.state });
          if (!ev.transition) continue;
          const alert = await this.applyTransition(tx, cand.rule, cand.device, ev.transition);
          if (alert) out.push({ alert, rule: cand.rule });
        }
        await tx.rules.saveStates(save);
        return out;
      });
      this.publish(changed);
      return changed.length;
    } catch (err) {
      this.stats.errors++;
      this.log.warn(`no-data pass failed: ${(err as Error).message}`);
      return 0;
    }
  }

  private publish(changed: readonly Changed[]): void {
    if (changed.length === 0) return;
    for (const ch of changed) this.sink(alertView(ch.alert, ch.rule.name));
    this.notifier.kick();
  }
}

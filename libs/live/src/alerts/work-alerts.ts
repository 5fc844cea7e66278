import type { Pool } from '@ioc/db';
import type { LiveLogger } from '../common/logger';
import type { LiveUnits } from '../common/query';
import type { Notifier } from '../notifications/notifier.service';
import type { Alert } from './alert';
import { inRetriedAlertTransaction } from './alert-transaction';
import { alertView, type AlertView } from './alert-view';
import { isWorkRule, type AlertRule, type WorkRule } from './rule';
import type { RuleState } from './rule-state';
import { evaluateWork } from './work-evaluate';
import type { WorkSignal, WorkSignals } from './work-signals';
import { writeRuleTransition } from './write-transition';

export interface WorkAlertOptions {
  /** How often overdue tasks and late reports are looked for. */
  tickMs: number;
}

export const DEFAULT_WORK_ALERT_OPTIONS: WorkAlertOptions = { tickMs: 60_000 };

/** Advisory lock: one replica at a time runs the pass (next to the engine's 4_857_301/2). */
const WORK_LOCK = 4_857_303;

/**
 * `task_overdue`, `report_late` and `citizen_overdue` rules: on a timer, asks the WorkSignals port what is overdue
 * or late now and opens one alert per rule and key, resolving it when the key is gone (see
 * evaluateWork). Per-key memory is the rule state table (`device_id` = key), so a restart or
 * another replica does not re-open what already fired; alerts, audit rows and webhook
 * notifications are written as for device alerts.
 */
export class WorkAlerts {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private options: WorkAlertOptions;

  constructor(
    private readonly pool: Pool,
    private readonly signals: WorkSignals,
    /** Enabled rules (the engine's cache, so API changes reach both at once). */
    private readonly rules: () => Promise<AlertRule[]>,
    private readonly units: Pick<LiveUnits, 'parentOf'>,
    private readonly sink: (alert: AlertView) => void,
    private readonly notifier: Pick<Notifier, 'kick'>,
    private readonly log: LiveLogger,
    options: Partial<WorkAlertOptions> = {},
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.options = { ...DEFAULT_WORK_ALERT_OPTIONS, ...options };
  }

  start(): void {
    this.timer ??= setInterval(() => {
      void this.tick();
    }, this.options.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  async idle(): Promise<void> {
    await this.running;
  }

  /** One pass (the timer's, or a test's); passes never overlap. Returns the alerts changed. */
  tick(): Promise<number> {
    this.running ??= this.pass()
      .catch((err: unknown) => {
        this.log.warn(`work alert pass failed: ${(err as Error).message}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(): Promise<number> {
    const rules = (await this.rules()).filter(isWorkRule);
    if (rules.length === 0) return 0;
    const now = this.clock();
    const tasks = rules.some((r) => r.kind === 'task_overdue')
      ? await this.ask('overdue tasks', () => this.signals.overdueTasks(now))
      : null;
    const reports = rules.some((r) => r.kind === 'report_late')
      ? await this.ask('late reports', () => this.signals.lateReports(now))
      : null;
    const citizen = rules.some((r) => r.kind === 'citizen_overdue')
      ? await this.ask('overdue citizen reports', () => this.signals.overdueCitizenReports(now))
      : null;
    const dossiers = rules.some((r) => r.kind === 'dossier_overdue')
      ? await this.ask('overdue dossiers', () => this.signals.overdueDossiers(now))
      : null;
    const byKind = {
      task_overdue: tasks,
      report_late: reports,
      citizen_overdue: citizen,
      dossier_overdue: dossiers,
    };
    // A kind whose source failed is skipped: an empty answer would resolve all its alerts.
    const judged = rules
      .map((rule) => ({ rule, signals: byKind[rule.kind] }))
      .filter((x): x is { rule: WorkRule; signals: WorkSignal[] } => x.signals !== null);
    if (judged.length === 0) return 0;

    const changed = await inRetriedAlertTransaction(this.pool, async (tx) => {
      if (!(await tx.tryLock(WORK_LOCK))) return [];
      const all = await tx.rules.statesOf(judged.map((j) => j.rule.id));
      const out: { alert: Alert; rule: WorkRule }[] = [];
      for (const { rule, signals } of judged) {
        const changes = evaluateWork(rule, signals, statesOfRule(all, rule.id), now, (u) =>
          this.units.parentOf(u),
        );
        if (changes.length === 0) continue;
        await tx.rules.lockStates(changes.map((c) => ({ ruleId: rule.id, deviceId: c.key })));
        for (const c of changes) {
          const alert = await writeRuleTransition(tx, rule, c.unitCode, c.transition, now);
          if (alert) out.push({ alert, rule });
        }
        await tx.rules.saveStates(
          changes.map((c) => ({ key: { ruleId: rule.id, deviceId: c.key }, state: c.state })),
        );
      }
      return out;
    });
    for (const c of changed) this.sink(alertView(c.alert, c.rule.name));
    if (changed.length > 0) this.notifier.kick();
    return changed.length;
  }

  private async ask(what: string, fn: () => Promise<WorkSignal[]>): Promise<WorkSignal[] | null> {
    try {
      return await fn();
    } catch (err) {
      this.log.warn(`work alerts: ${what} not read: ${(err as Error).message}`);
      return null;
    }
  }
}

/** One rule's states by key, from statesOf's `ruleId\0key` map. */
function statesOfRule(all: ReadonlyMap<string, RuleState>, ruleId: string): Map<string, RuleState> {
  const prefix = `${ruleId}\u0000`;
  const out = new Map<string, RuleState>();
  for (const [k, s] of all) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), s);
  return out;
}

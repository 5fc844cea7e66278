import type { AlertMailboxes, AlertMailer } from '../notifications/alert-mail';
import { PersonalNotificationService } from '../notifications/personal.service';
import type { PushSender } from '../notifications/push';
import type { SmsSender } from '../notifications/sms';
import type {
  CitizenChanged,
  IndicatorChanged,
  Reading,
  ReportChanged,
  TaskChanged,
  WallChanged,
  WsServerMessage,
} from '@ioc/contracts';
import type { Pool, StorageMode } from '@ioc/db';
import {
  AlertEngine,
  type AlertEngineOptions,
  type DeviceLookup,
} from '../alerts/alert-engine.service';
import { AlertRepository } from '../alerts/alert.repository';
import { AlertService } from '../alerts/alert.service';
import { alertView, type AlertView } from '../alerts/alert-view';
import type { MetricNames } from '../alerts/naming';
import { WorkAlerts, type WorkAlertOptions } from '../alerts/work-alerts';
import { NO_WORK_SIGNALS, type WorkSignals } from '../alerts/work-signals';
import { AqiService } from '../aqi/aqi.service';
import { LocalBus, type BusItem, type LiveBus } from '../bus/live-bus';
import { PgNotifyBus } from '../bus/pg-notify-bus';
import type { LiveLogger } from '../common/logger';
import { unitAndParent, type LiveUnits } from '../common/query';
import { FleetService } from '../fleet/fleet.service';
import { fanOutReadings, publishDeltas } from '../hub/fanout';
import type { LiveHub } from '../hub/live-hub';
import { Notifier, type NotifierOptions } from '../notifications/notifier.service';
import { CaggRefresher } from '../rollups/cagg-refresher';
import { LatestTracker } from '../rollups/latest-tracker';
import { RollupPusher, type RollupUpdate } from '../rollups/rollup-push';
import { RollupService } from '../rollups/rollup.service';
import { deliverCitizen, deliverReport, deliverTask } from './work-push';

export interface LiveOperationsDeps {
  pool: Pool;
  storage: StorageMode;
  hub: LiveHub;
  units: LiveUnits;
  devices: DeviceLookup;
  /** The metric catalogue, so alert messages name metrics ("Bụi PM2.5"), not codes. */
  metrics?: MetricNames;
  /**
   * How deltas reach the other API instances: `local` for a single process (embedded mode),
   * `pg-notify` for PostgreSQL LISTEN/NOTIFY on the shared database (services/scale-out).
   */
  bus: { kind: 'local' } | { kind: 'pg-notify'; url: string };
  log: LiveLogger;
  engine?: Partial<AlertEngineOptions>;
  notifier?: Partial<NotifierOptions>;
  /** Rollup push period (coalescing window). */
  rollupPushMs?: number;
  /**
   * Overdue tasks, late reports and overdue citizen reports for the work rules
   * (`task_overdue`, `report_late`, `citizen_overdue`); none by default.
   * The composition plugs in the tasks and reporting services.
   */
  work?: WorkSignals;
  workAlerts?: Partial<WorkAlertOptions>;
  /** "Now" of the AQI and fleet views and of the work-alert timer (tests set the date). */
  clock?: () => Date;
  /**
   * Who is told of an alert handed to an office or a person (their mailboxes and user id), and
   * the SMTP transport. Without a mailer no e-mail is queued; without mailboxes nobody is told.
   */
  mail?: { mailer: AlertMailer | null; mailboxes: AlertMailboxes; publicUrl?: string };
  /**
   * Web Push to the people alerts are handed to: the sender (VAPID keys) and what browsers
   * subscribe with. Absent: push is off (the subscription routes answer 503).
   */
  push?: { sender: PushSender; publicKey: string; allowHttpEndpoints: boolean };
  /** SMS/Zalo to a person's phone through the administrator's gateway. Absent: none sent. */
  sms?: SmsSender;
  /**
   * The picture a live alert shows (an AI camera's event snapshot, a platform URL readable with
   * the alert's unit scope); absent or null: none.
   */
  alertSnapshot?: (alert: AlertView) => string | null;
  /**
   * `leased`: the cluster-wide timers (alert escalation and silences, work alerts) wait for
   * startJobs(), called by whoever holds their lease; default `here`: they start with the rest.
   */
  jobs?: 'here' | 'leased';
}

/**
 * The live side of the platform, composed: rollup/AQI/fleet queries, the alert engine and
 * workflow, notifications, WebSocket pushes and the bus between instances. `onStored` is wired
 * to the writer's 'stored' event by the composition root.
 */
export class LiveOperations {
  readonly rollups: RollupService;
  readonly aqi: AqiService;
  readonly fleet: FleetService;
  readonly alerts: AlertService;
  readonly engine: AlertEngine;
  readonly work: WorkAlerts;
  readonly notifier: Notifier;
  readonly personal: PersonalNotificationService;
  readonly bus: LiveBus;
  readonly pusher: RollupPusher;
  readonly refresher: CaggRefresher | undefined;
  private readonly latest: LatestTracker;
  private readonly alertRepo: AlertRepository;

  private constructor(private readonly deps: LiveOperationsDeps) {
    const { pool, units, log } = deps;
    this.alertRepo = new AlertRepository(pool);
    this.rollups = new RollupService(pool, units);
    this.aqi = new AqiService(pool, units, deps.clock);
    this.fleet = new FleetService(pool, units, deps.clock);
    this.notifier = new Notifier(
      pool,
      log,
      deps.notifier,
      Date.now,
      deps.mail?.mailer ?? null,
      deps.push?.sender ?? null,
      deps.sms ?? null,
    );
    this.personal = new PersonalNotificationService(pool, {
      vapidPublicKey: deps.push?.publicKey ?? null,
      allowHttpEndpoints: deps.push?.allowHttpEndpoints ?? false,
    });
    const sink = (view: AlertView) => {
      const a = this.withPosition(view);
      this.deliverAlert(a);
      this.bus.publish({ t: 'a', a });
    };
    this.engine = new AlertEngine(
      pool,
      deps.devices,
      units,
      this.notifier,
      sink,
      log,
      deps.metrics ?? null,
      deps.engine,
    );
    this.work = new WorkAlerts(
      pool,
      deps.work ?? NO_WORK_SIGNALS,
      () => this.engine.activeRules(),
      units,
      sink,
      this.notifier,
      log,
      deps.workAlerts,
      deps.clock,
    );
    this.alerts = new AlertService(
      pool,
      units,
      this.notifier,
      sink,
      () => {
        this.engine.invalidateRules();
        this.bus.publish({ t: 'rules' });
      },
      undefined,
      deps.mail?.mailboxes ?? null,
      {
        email: (deps.mail?.mailer ?? null) !== null,
        push: deps.push !== undefined,
        sms: deps.sms !== undefined,
        publicUrl: deps.mail?.publicUrl,
      },
      (view) => this.withSnapshot(view),
    );
    this.bus =
      deps.bus.kind === 'pg-notify'
        ? new PgNotifyBus({ url: deps.bus.url }, log, (item) => {
            this.fromBus(item);
          })
        : new LocalBus();
    this.pusher = new RollupPusher(
      pool,
      units,
      (updates) => {
        for (const u of updates) {
          this.deliverRollup(u);
          this.bus.publish({ t: 'u', u });
        }
      },
      log,
      deps.rollupPushMs ?? 1000,
    );
    this.refresher = deps.storage === 'timescaledb' ? new CaggRefresher(pool, log) : undefined;
    this.latest = new LatestTracker(pool, log);
  }

  static async start(deps: LiveOperationsDeps): Promise<LiveOperations> {
    const ops = new LiveOperations(deps);
    await ops.bus.start();
    ops.pusher.start();
    if (deps.jobs === 'leased') ops.engine.startEvaluating();
    else ops.startJobs();
    ops.notifier.start();
    // Deliver what an earlier run queued (or left to retry) without waiting for a tick.
    ops.notifier.kick();
    return ops;
  }

  /**
   * The timers that must run once in the cluster: alert escalation and silence expiry (each pass
   * also takes a transaction lock) and the work alerts (overdue tasks, late reports).
   */
  startJobs(): void {
    this.engine.startTimers();
    this.work.start();
  }

  /** Stops those timers at once (the lease is lost); a pass under way finishes. */
  async stopJobs(): Promise<void> {
    this.engine.stopTimers();
    await this.work.stop();
  }

  /** Committed readings from this instance's writer. */
  onStored(rows: readonly Reading[]): void {
    const deltas = fanOutReadings(
      this.deps.hub,
      rows,
      (u) => this.deps.units.parentOf(u),
      this.homeOf,
    );
    if (this.bus.kind !== 'local') for (const d of deltas) this.bus.publish({ t: 'r', d });
    this.latest.note(rows);
    this.pusher.note(rows);
    this.refresher?.note(rows);
    this.engine.onStored(rows);
  }

  /** Settles background work handed in so far (evaluation, latest values, pushes, refreshes). */
  async idle(): Promise<void> {
    await this.latest.idle();
    await this.engine.idle();
    await this.work.idle();
    await this.refresher?.idle();
    await this.pusher.flush();
    await this.notifier.idle();
  }

  async stop(): Promise<void> {
    await this.engine.stop();
    await this.work.stop();
    this.notifier.stop();
    await this.notifier.idle();
    await this.pusher.stop();
    await this.refresher?.stop();
    await this.latest.idle();
    await this.bus.stop();
  }

  private fromBus(item: BusItem): void {
    switch (item.t) {
      case 'r':
        publishDeltas(this.deps.hub, [item.d], (u) => this.deps.units.parentOf(u), this.homeOf);
        return;
      case 'w':
        this.deliverWall(item.w);
        return;
      case 'i':
        this.deliverIndicator(item.i);
        return;
      case 'k':
        deliverTask(this.deps.hub, this.deps.units, item.k);
        return;
      case 'p':
        deliverReport(this.deps.hub, this.deps.units, item.p);
        return;
      case 'c':
        deliverCitizen(this.deps.hub, this.deps.units, item.c, item.f);
        return;
      case 'u':
        this.deliverRollup(item.u);
        return;
      case 'a':
        this.deliverAlert(item.a);
        return;
      case 'A':
        void this.alertRepo.get(item.id).then(
          (found) => {
            if (found) this.deliverAlert(alertView(found.alert, found.ruleName, found.position));
          },
          (err: unknown) => {
            this.deps.log.warn(`live bus: alert ${item.id} not loaded: ${(err as Error).message}`);
          },
        );
        return;
      case 'rules':
        this.engine.invalidateRules();
        return;
    }
  }

  /** The engine builds views without a join: the device's cached position fills lon/lat. */
  private withSnapshot(view: AlertView): AlertView {
    const snapshotUrl = this.deps.alertSnapshot?.(view) ?? null;
    return snapshotUrl === null ? view : { ...view, snapshotUrl };
  }

  private withPosition(view: AlertView): AlertView {
    const a = this.withSnapshot(view);
    if (a.lon !== null || !a.deviceId) return a;
    const d = this.deps.devices.peek?.(a.deviceId);
    const lon = d?.lon ?? null;
    const lat = d?.lat ?? null;
    return lon !== null && lat !== null ? { ...a, lon, lat } : a;
  }

  /** Registered unit of a device whose reading is outside every unit (a vessel at sea). */
  private readonly homeOf = (deviceId: string): string | null =>
    this.deps.devices.peek?.(deviceId)?.unitCode ?? null;

  /** A unit's wall configuration was saved: its walls (and the province's) refetch. */
  wallChanged(config: { unitCode: string; updatedAt: string | null }): void {
    const w: WallChanged = { unitCode: config.unitCode, updatedAt: config.updatedAt };
    this.deliverWall(w);
    this.bus.publish({ t: 'w', w });
  }

  /** An indicator report was saved: scorecards of the unit and its province refetch. */
  indicatorChanged(changes: readonly IndicatorChanged[]): void {
    for (const i of changes) {
      this.deliverIndicator(i);
      this.bus.publish({ t: 'i', i });
    }
  }

  /** Plan tasks changed (tasks service): task lists of the lead unit and its parent refetch. */
  taskChanged(changes: readonly TaskChanged[]): void {
    for (const k of changes) {
      deliverTask(this.deps.hub, this.deps.units, k);
      this.bus.publish({ t: 'k', k });
    }
  }

  /** Report periods changed state (reporting service): matrices and late lists refetch. */
  reportChanged(changes: readonly ReportChanged[]): void {
    for (const p of changes) {
      deliverReport(this.deps.hub, this.deps.units, p);
      this.bus.publish({ t: 'p', p });
    }
  }

  /**
   * A citizen report changed (libs/citizen): queues, the wall's layer and rates of its unit and
   * parent refetch; a transfer names the unit it left (`fromUnitCode`), whose queue drops it.
   */
  citizenChanged(c: CitizenChanged, fromUnitCode?: string): void {
    deliverCitizen(this.deps.hub, this.deps.units, c, fromUnitCode);
    this.bus.publish(fromUnitCode === undefined ? { t: 'c', c } : { t: 'c', c, f: fromUnitCode });
  }

  private deliverWall(w: WallChanged): void {
    const channel = `unit:${w.unitCode}`;
    const msg: WsServerMessage = { type: 'wall', channel, asOf: new Date().toISOString(), wall: w };
    this.deps.hub.broadcast(channel, msg, 'wall');
  }

  private deliverIndicator(i: IndicatorChanged): void {
    const asOf = new Date().toISOString();
    for (const unit of unitAndParent(this.deps.units, i.unitCode)) {
      const channel = `unit:${unit}`;
      const msg: WsServerMessage = { type: 'indicator', channel, asOf, indicator: i };
      this.deps.hub.broadcast(channel, msg, `indicator:${i.unitCode}:${i.indicatorCode}`);
    }
  }

  private deliverAlert(a: AlertView): void {
    const asOf = new Date().toISOString();
    for (const channel of [
      'alerts',
      ...unitAndParent(this.deps.units, a.unitCode).map((u) => `alerts:${u}`),
    ]) {
      const msg: WsServerMessage = { type: 'alert', channel, asOf, alert: a };
      this.deps.hub.broadcast(channel, msg, `alert:${a.id}`);
    }
  }

  private deliverRollup(u: RollupUpdate): void {
    const channel = `unit:${u.unitCode}`;
    const msg: WsServerMessage = {
      type: 'rollup',
      channel,
      asOf: new Date().toISOString(),
      rollup: u,
    };
    this.deps.hub.publishKeyed(channel, `rollup:${u.metric}`, msg);
  }
}

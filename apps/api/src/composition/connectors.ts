import { Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type { ApiConfig } from '@ioc/config';
import type { DossierRecord } from '@ioc/contracts';
import type { Pool } from '@ioc/db';
import type { AuditActor, AuditLog, UsersService } from '@ioc/auth';
import {
  ConnectorRunner,
  ConnectorScheduler,
  ConnectorService,
  SecretBox,
  syncedShare,
  type RecordSink,
} from '@ioc/connectors';
import { DossierService, DossierWarnings, runSource } from '@ioc/dossiers';
import type { UnitDirectory } from '@ioc/geo';
import type { ReportIntakeService } from '@ioc/indicators';
import { dossierContacts, warningChannels } from './dossier-warnings';

const log = new Logger('connectors');
/** How often the scheduler re-reads every schedule (changes made through other processes). */
const SCHEDULE_RESYNC_MS = 60_000;
/** "CSDL đồng bộ về IOC": the share of registered department databases that are synced. */
const SYNCED_INDICATOR = 'city.sector_db_synced_to_ioc';
/** The platform feeds (migrations 0074, 0075) computed values are stored under. */
const CONNECTOR_FEED = 'ket-noi-he-thong';
const DOSSIER_FEED = 'dich-vu-cong';

export interface ConnectorParts {
  connectors: ConnectorService<AuditActor>;
  dossiers: DossierService<AuditActor>;
  warnings: DossierWarnings;
  scheduler: ConnectorScheduler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type Config = Pick<
  ApiConfig,
  | 'CONNECTOR_SECRET_KEY'
  | 'CONNECTOR_SCHEDULER'
  | 'DOSSIER_WARNING_HOURS'
  | 'DOSSIER_WARNING_INTERVAL_S'
  | 'DOSSIER_WEBHOOK_URL'
  | 'SMTP_FROM'
  | 'IOC_PROVINCE'
>;

export interface ConnectorWiring {
  pool: Pool;
  units: UnitDirectory;
  audit: AuditLog;
  users: Pick<UsersService, 'contactOf' | 'list'>;
  reports: Pick<ReportIntakeService, 'recordComputed'>;
  smtp: Transporter | null;
  config: Config;
  clock?: () => Date;
}

/**
 * Connectors (libs/connectors) and dossiers (libs/dossiers), plugged together: the `dossier`
 * sink writes through DossierService in the page's transaction; `indicator_value` goes to
 * libs/indicators as a computed report of the platform feed, its lineage naming the run.
 */
export function buildConnectors(w: ConnectorWiring): ConnectorParts {
  // Set while this process runs the scheduler (it holds the background jobs' lease).
  let resync: NodeJS.Timeout | undefined;
  const { config } = w;
  const secrets =
    config.CONNECTOR_SECRET_KEY === undefined
      ? null
      : SecretBox.fromConfig(config.CONNECTOR_SECRET_KEY);
  const dossiers = new DossierService<AuditActor>(w.pool, {
    units: w.units,
    audit: w.audit,
    warnHours: config.DOSSIER_WARNING_HOURS,
    indicators: {
      record: async (rows, lineage) => {
        const receipt = await w.reports.recordComputed(DOSSIER_FEED, rows, lineage);
        for (const r of receipt.rejected)
          log.warn(`dossier indicator ${r.indicator} ${r.unitCode}: ${r.messageEn}`);
      },
    },
    ...(w.clock ? { now: w.clock } : {}),
  });
  // Records a run wrote, by run: the months whose indicators it changes.
  const written = new Map<string, DossierRecord[]>();
  const dossierSink: RecordSink = {
    upsert: async (tx, records, lineage) => {
      const list = records as unknown as DossierRecord[];
      const upserted = await dossiers.upsertIn(
        tx,
        list,
        runSource(lineage.connectorId, lineage.runId),
      );
      written.set(lineage.runId, [...(written.get(lineage.runId) ?? []), ...list]);
      return { upserted, rejected: [] };
    },
  };
  const indicatorSink: RecordSink = {
    upsert: async (_tx, records, lineage) => {
      const rows = records.map((r) => ({
        indicatorCode: String(r.indicator),
        unitCode: String(r.unitCode),
        period: String(r.period),
        numerator: typeof r.numerator === 'number' ? r.numerator : (r.value as number),
        denominator: typeof r.denominator === 'number' ? r.denominator : 1,
      }));
      const receipt = await w.reports.recordComputed(
        CONNECTOR_FEED,
        rows,
        runSource(lineage.connectorId, lineage.runId),
      );
      return {
        upserted: receipt.accepted,
        rejected: receipt.rejected.map((r) => ({
          index: r.row - 1,
          reason: r.code,
          detail: r.messageEn,
        })),
      };
    },
  };
  let service: ConnectorService<AuditActor> | null = null;
  // After every run: the province's share of synced sources for the current month (Việt Nam).
  const recordSyncedShare = async (runId: string) => {
    if (service === null) return;
    const now = w.clock?.() ?? new Date();
    const share = syncedShare(await service.liveness(), now);
    if (share.denominator === 0) return;
    const period = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    const receipt = await w.reports.recordComputed(
      CONNECTOR_FEED,
      [{ indicatorCode: SYNCED_INDICATOR, unitCode: config.IOC_PROVINCE, period, ...share }],
      `platform:connectors liveness after connector-run:${runId}`,
    );
    for (const r of receipt.rejected) log.warn(`${SYNCED_INDICATOR}: ${r.messageEn}`);
  };
  const runner = new ConnectorRunner({
    db: w.pool,
    units: w.units,
    sinks: { dossier: dossierSink, indicator_value: indicatorSink },
    secretsOf: (c) => (service as ConnectorService<AuditActor>).secretsOf(c),
    onRunFinished: async (runId) => {
      const records = written.get(runId) ?? [];
      written.delete(runId);
      await dossiers.afterRun(records);
      await recordSyncedShare(runId);
    },
    log: (line) => {
      log.warn(line);
    },
    ...(w.clock ? { now: w.clock } : {}),
  });
  const scheduler = new ConnectorScheduler(
    (id) => service?.repo.get(id) ?? Promise.resolve(null),
    () => service?.repo.list() ?? Promise.resolve([]),
    (id) => (service as ConnectorService<AuditActor>).runNow(id, 'schedule'),
    (id, err) => {
      log.error(`connector ${id}: ${(err as Error).message}`);
    },
  );
  service = new ConnectorService<AuditActor>(w.pool, {
    runner,
    secrets,
    audit: w.audit,
    onChanged: (id) => {
      // Only where the scheduler runs (the jobs' lease holder); elsewhere its resync sees it.
      if (!config.CONNECTOR_SCHEDULER || resync === undefined) return;
      scheduler.sync(id).catch((err: unknown) => {
        log.error(`connector ${id} schedule: ${(err as Error).message}`);
      });
    },
    ...(w.clock ? { now: w.clock } : {}),
  });
  const warnings = new DossierWarnings(w.pool, {
    contacts: dossierContacts(w.users),
    channels: warningChannels(w.smtp, config.SMTP_FROM),
    webhookUrl: config.DOSSIER_WEBHOOK_URL ?? null,
    hours: config.DOSSIER_WARNING_HOURS,
    ...(w.clock ? { clock: w.clock } : {}),
  });
  return {
    connectors: service,
    dossiers,
    warnings,
    scheduler,
    async start() {
      if (config.CONNECTOR_SCHEDULER) {
        await scheduler.start();
        resync = setInterval(() => {
          scheduler.resync().catch((err: unknown) => {
            log.error(`connector schedules: ${(err as Error).message}`);
          });
        }, SCHEDULE_RESYNC_MS);
        resync.unref();
      }
      warnings.start(config.DOSSIER_WARNING_INTERVAL_S * 1000, (err) => {
        log.error(`dossier warnings: ${(err as Error).message}`);
      });
    },
    async stop() {
      clearInterval(resync);
      resync = undefined;
      scheduler.stop();
      await warnings.stop();
    },
  };
}

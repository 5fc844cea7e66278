import { Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import type { ApiConfig } from '@ioc/config';
import { LeaderLease, grantedLeaseSessions, postgresLeaseSessions } from '@ioc/db';
import type { Database } from './database';
import type { Domain } from './domain';

const log = new Logger('jobs');

/** A background job that must run in exactly one process of the cluster. */
export interface BackgroundJob {
  name: string;
  start(): void | Promise<void>;
  /** Stops its timers synchronously first (a lost lease), then settles a pass under way. */
  stop(): void | Promise<void>;
}

/**
 * Every job that must run once in the cluster (docs/architecture.md, "Process roles"). Caches
 * refreshed per process (the open-data snapshot, the unit tree), the writer's buffers and
 * gauges, the rollup pushes and aggregate refreshes of what this process stored, and the
 * notification outbox (claimed with SKIP LOCKED, so any number of processes drain it) are not
 * jobs: they run wherever they are needed.
 */
export function clusterJobs(domain: Domain, config: ApiConfig): BackgroundJob[] {
  const { live, reportingCycle, connectors, cameraEvents, deadLetterPruner } = domain;
  return [
    {
      // Alert escalation, silence expiry, work alerts (task_overdue, report_late, citizen_overdue).
      name: 'alert-timers',
      start: () => {
        live.startJobs();
      },
      stop: () => live.stopJobs(),
    },
    {
      name: 'report-reminders',
      start: () => {
        reportingCycle.reminders.start(config.REMINDER_INTERVAL_S * 1000, (err) => {
          log.error(`report reminders: ${(err as Error).message}`);
        });
      },
      stop: () => reportingCycle.reminders.stop(),
    },
    // The connector scheduler (CONNECTOR_SCHEDULER) and the dossier deadline warnings.
    { name: 'connectors', start: () => connectors.start(), stop: () => connectors.stop() },
    // The AI-camera event pruner, the Frigate listener and the ONVIF puller (one reader per camera).
    { name: 'camera-events', start: () => cameraEvents.start(), stop: () => cameraEvents.stop() },
    {
      name: 'deadletter-prune',
      start: () => {
        deadLetterPruner.start();
      },
      stop: () => deadLetterPruner.stop(),
    },
  ];
}

export interface JobRunner {
  stop(): Promise<void>;
}

/**
 * Runs `jobs` while this process holds their lease. One lease for the whole set, not one per
 * job: the jobs are light and all read the same database, so one worker can carry them all; one
 * lease costs one dedicated connection per process (not one per job) and makes "which process
 * runs the jobs" a single answer for operators. Standbys retry every JOB_LEASE_RETRY_S; the
 * embedded single process is granted the lease at once. `ioc_job_leader{job}` shows who holds it.
 * Only the first try is awaited.
 */
export async function runJobs(
  jobs: BackgroundJob[],
  deps: { config: ApiConfig; db: Database; registry: Registry },
): Promise<JobRunner> {
  const gauge = new Gauge({
    name: 'ioc_job_leader',
    help: 'Whether this process runs the background job now (1) or stands by (0).',
    labelNames: ['job'],
    registers: [deps.registry],
  });
  for (const j of jobs) gauge.set({ job: j.name }, 0);
  const retryMs = deps.config.JOB_LEASE_RETRY_S * 1000;
  // Transitions in order: a stop waits for a start still under way, never runs beside it.
  let chain = Promise.resolve();
  const startAll = async () => {
    for (const j of jobs) {
      try {
        await j.start();
        gauge.set({ job: j.name }, 1);
      } catch (err) {
        log.error(`job ${j.name} did not start: ${(err as Error).message}`);
      }
    }
  };
  const stopAll = async () => {
    // Every job's synchronous part (clearing its timers) first, then what is under way.
    const settling = jobs.map((j) => {
      gauge.set({ job: j.name }, 0);
      return Promise.resolve()
        .then(() => j.stop())
        .catch((err: unknown) => {
          log.error(`job ${j.name} did not stop cleanly: ${(err as Error).message}`);
        });
    });
    await Promise.all(settling);
  };
  const lease = new LeaderLease({
    open: deps.db.embedded
      ? grantedLeaseSessions()
      : postgresLeaseSessions(deps.db.url, 'background-jobs', retryMs),
    retryMs,
    onAcquired: () => {
      log.log('this process runs the background jobs');
      chain = chain.then(startAll);
    },
    onLost: (reason) => {
      log.warn(`background jobs stopped, lease lost: ${reason}`);
      chain = chain.then(stopAll);
    },
    warn: (m) => {
      log.warn(m);
    },
  });
  lease.start();
  // The first try settles before the platform reports it runs: a lone process runs its jobs then.
  await lease.idle();
  await chain;
  return {
    async stop() {
      await lease.stop();
      await chain;
    },
  };
}

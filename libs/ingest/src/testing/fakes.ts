import { Registry } from 'prom-client';
import type { Pool } from '@ioc/db';
import type { DeadLetter, DeadLetterRepository } from '../deadletter/dead-letter.repository';
import { DeadLetterSink } from '../deadletter/dead-letter.sink';
import { DeviceDirectory } from '../devices/device-directory';
import type { DeviceRecord, DeviceRepository } from '../devices/device.repository';
import { IngestMetrics } from '../pipeline/ingest.metrics';
import { IngestService } from '../pipeline/ingest.service';
import { MetricCatalogue } from '../pipeline/metric-catalogue';
import { ReadingWriter } from '../writer/reading-writer';

// Test-only fakes of the ingest path's database side, so the specs run the real writer, sink,
// directory and pipeline over them.

/**
 * A pool whose single client records statements; `down` makes every statement fail, `gate`
 * holds each COMMIT until it resolves, `failCommits` fails the next COMMITs. Rows arrive as the unnest() insert's parameter arrays.
 */
export function fakePool() {
  const state = {
    down: false,
    /** COMMITs still to fail (the transaction is rolled back and the batch retried). */
    failCommits: 0,
    commits: 0,
    rowsCommitted: 0,
    log: [] as string[],
    gate: undefined as Promise<void> | undefined,
  };
  let uncommitted = 0;
  const client = {
    query: async (sql: string, params?: unknown[]) => {
      if (state.down)
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      state.log.push(sql.trim().split(/\s+/)[0] ?? '');
      if (sql === 'BEGIN' || sql === 'ROLLBACK') uncommitted = 0;
      if (sql === 'COMMIT') {
        await state.gate;
        if (state.failCommits > 0) {
          state.failCommits--;
          throw Object.assign(new Error('could not serialize access'), { code: '40001' });
        }
        state.commits++;
        state.rowsCommitted += uncommitted;
        uncommitted = 0;
      }
      if (params) {
        const n = (params[0] as unknown[]).length;
        uncommitted += n;
        return { rows: [{ inserted: n }], rowCount: 1 };
      }
      return { rows: [], rowCount: 0 };
    },
    release: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
  const pool = {
    connect: () =>
      state.down ? Promise.reject(new Error('connect ECONNREFUSED')) : Promise.resolve(client),
  };
  return { pool: pool as unknown as Pool, state };
}

export function deviceRecord(id: string, fields: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    id,
    kind: 'air_quality',
    unitCode: '20194',
    lon: null,
    lat: null,
    mobile: false,
    gatewayId: null,
    devEui: null,
    profile: {},
    expectedIntervalS: 300,
    tokenHash: `hash-${id}`,
    lastSeen: null,
    name: null,
    positionAt: null,
    ...fields,
  };
}

/** The dead-letter table; `hold` keeps every insert pending until `release()`. */
export function fakeDeadLetters() {
  const stored: DeadLetter[] = [];
  let held: (() => void)[] | undefined;
  const repo = {
    insertMany(items: DeadLetter[]): Promise<void> {
      const write = () => {
        stored.push(...items);
      };
      if (!held) {
        write();
        return Promise.resolve();
      }
      const queue = held;
      return new Promise<void>((resolve) => {
        queue.push(() => {
          write();
          resolve();
        });
      });
    },
  };
  return {
    stored,
    repo: repo as unknown as DeadLetterRepository,
    hold() {
      held = [];
    },
    release() {
      const queue = held ?? [];
      held = undefined;
      for (const go of queue) go();
    },
  };
}

export const METRICS = MetricCatalogue.of([
  {
    code: 'pm25',
    uom: 'µg/m³',
    nameVi: 'Bụi PM2.5',
    nameEn: 'PM2.5',
    category: 'air',
    min: 0,
    max: 1000,
    unitVi: 'µg/m³',
    unitEn: 'µg/m³',
    decimals: 0,
    limit: { value: 50, basisVi: 'QCVN 05:2023/BTNMT', basisEn: 'QCVN 05:2023/BTNMT' },
  },
  {
    code: 'pm10',
    uom: 'µg/m³',
    nameVi: 'Bụi PM10',
    nameEn: 'PM10',
    category: 'air',
    min: 0,
    max: 2000,
    unitVi: 'µg/m³',
    unitEn: 'µg/m³',
    decimals: 0,
    limit: null,
  },
]);

/**
 * The ingest pipeline over the fakes: real IngestService, ReadingWriter (PGlite mode, one lane),
 * DeadLetterSink and DeviceDirectory; `now` is the clock of the time-window checks.
 */
export function ingestPipeline(options: {
  devices: DeviceRecord[];
  now: Date;
  locate?: (lon: number, lat: number) => string | null;
  maxPayloadBytes?: number;
}) {
  const { pool, state } = fakePool();
  const writer = new ReadingWriter(pool, {
    mode: 'pglite',
    batchSize: 100,
    maxLatencyMs: 1,
    bufferLimit: 1000,
    retryBaseMs: 5,
  });
  const deadLetters = fakeDeadLetters();
  const sink = new DeadLetterSink(deadLetters.repo, 1000, 1);
  const byId = new Map(options.devices.map((d) => [d.id, d]));
  const repo = {
    get: (id: string) => Promise.resolve(byId.get(id) ?? null),
    list: () => Promise.resolve([...byId.values()]),
    getByTokenHash: () => Promise.resolve(null),
  } as unknown as DeviceRepository;
  const registry = new Registry();
  const metrics = new IngestMetrics(registry);
  const ingest = new IngestService({
    devices: new DeviceDirectory(repo),
    catalogue: METRICS,
    writer,
    deadLetters: sink,
    metrics,
    limits: {
      maxPayloadBytes: options.maxPayloadBytes ?? 64 * 1024,
      maxAgeMs: 7 * 86_400_000,
      maxFutureMs: 5 * 60_000,
    },
    ...(options.locate ? { locate: options.locate } : {}),
    now: () => options.now,
  });
  return { ingest, writer, db: state, deadLetters, sink, metrics };
}

/**
 * Issue 19, TimescaleDB at scale: the compression and retention ages of `reading` follow
 * TSDB_COMPRESS_AFTER_DAYS / TSDB_RAW_RETENTION_DAYS at every start (applyReadingPolicies, as
 * composition/database.ts runs it after the migrations). A restart with the same ages changes
 * nothing; new ages replace the policies, one job each; the rollups get no retention, and the
 * 1-minute rollup is compressed by its own policy (migration 0076).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReadingPolicies, createPool, migrate, type Pool } from '@ioc/db';
import { backendFactories, modeTitle, type Backend } from '../support/backends';

const factory = backendFactories().find((f) => f.mode === 'timescaledb');

interface Job {
  hypertable: string;
  proc: string;
  age: string;
}

describe.skipIf(!factory?.available)(
  modeTitle('reading policies on timescaledb', factory ?? { skipReason: 'no factory' }),
  () => {
    let backend: Backend;
    let pool: Pool;

    const jobs = async (): Promise<Job[]> =>
      (
        await pool.query<Job>(
          `SELECT coalesce(a.view_name, j.hypertable_name) AS hypertable, j.proc_name AS proc,
                coalesce(j.config ->> 'compress_after', j.config ->> 'drop_after') AS age
         FROM timescaledb_information.jobs j
         LEFT JOIN timescaledb_information.continuous_aggregates a
           ON a.materialization_hypertable_name = j.hypertable_name
         WHERE j.proc_name IN ('policy_compression', 'policy_retention')
         ORDER BY 1, 2`,
        )
      ).rows;

    beforeAll(async () => {
      if (!factory) throw new Error('no TimescaleDB backend');
      backend = await factory.create();
      pool = createPool(backend.url, 2);
      await migrate(pool, 'timescaledb');
    });
    afterAll(async () => {
      await pool.end();
      await backend.dispose();
    });

    it('leaves the migration’s policies alone when the config asks for the same ages', async () => {
      const applied = await applyReadingPolicies(pool, {
        compressAfterDays: 8,
        rawRetentionDays: 400,
      });
      expect(applied.map((p) => p.changed)).toEqual([false, false]);
      expect(await jobs()).toEqual([
        { hypertable: 'reading', proc: 'policy_compression', age: '8 days' },
        { hypertable: 'reading', proc: 'policy_retention', age: '400 days' },
        { hypertable: 'rollup_1m', proc: 'policy_compression', age: '10 days' },
      ]);
    });

    it('moves both policies to new ages, once, and keeps them on the next start', async () => {
      const wanted = { compressAfterDays: 3, rawRetentionDays: 30 };
      const first = await applyReadingPolicies(pool, wanted);
      expect(first).toEqual([
        { policy: 'compression', days: 3, changed: true },
        { policy: 'retention', days: 30, changed: true },
      ]);
      // Restarts (here two processes at once, serialised by the advisory lock) find them in place.
      const [a, b] = await Promise.all([
        applyReadingPolicies(pool, wanted),
        applyReadingPolicies(pool, wanted),
      ]);
      expect([...a, ...b].every((p) => !p.changed)).toBe(true);
      // The rollups are not the raw readings: no retention, and rollup_1m keeps its own age.
      expect(await jobs()).toEqual([
        { hypertable: 'reading', proc: 'policy_compression', age: '3 days' },
        { hypertable: 'reading', proc: 'policy_retention', age: '30 days' },
        { hypertable: 'rollup_1m', proc: 'policy_compression', age: '10 days' },
      ]);
    });

    it('compresses readings and the 1-minute rollup in segments of one device and metric', async () => {
      const { rows } = await pool.query<{ rel: string; segmentby: string; orderby: string }>(
        `SELECT coalesce(a.view_name, s.hypertable_name) AS rel,
                string_agg(attname, ', ' ORDER BY segmentby_column_index)
                  FILTER (WHERE segmentby_column_index IS NOT NULL) AS segmentby,
                string_agg(attname || CASE WHEN orderby_asc THEN '' ELSE ' DESC' END, ', ')
                  FILTER (WHERE orderby_column_index IS NOT NULL) AS orderby
         FROM timescaledb_information.compression_settings s
         LEFT JOIN timescaledb_information.continuous_aggregates a
           ON a.materialization_hypertable_name = s.hypertable_name
         GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { rel: 'reading', segmentby: 'device_id, metric', orderby: 'time DESC' },
        { rel: 'rollup_1m', segmentby: 'device_id, metric', orderby: 'bucket DESC' },
      ]);
    });
  },
);

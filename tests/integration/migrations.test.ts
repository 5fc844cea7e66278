import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, detectStorageMode, migrate, MIGRATIONS_DIR, type Pool } from '@ioc/db';
import { backendFactories, modeTitle, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';

const hasPostgres = await postgresAvailable();

for (const factory of backendFactories()) {
  describe.skipIf(!factory.available || (!hasPostgres && factory.mode !== 'pglite'))(
    modeTitle(`migrations on ${factory.mode}`, factory),
    () => {
      let backend: Backend;
      let pool: Pool;

      beforeAll(async () => {
        backend = await factory.create();
        pool = createPool(backend.url, 1);
      });
      afterAll(async () => {
        await pool.end();
        await backend.dispose();
      });

      it('detects the storage mode', async () => {
        expect(await detectStorageMode(pool, backend.embedded)).toBe(factory.mode);
      });

      it('applies every migration once; a second run changes nothing', async () => {
        const first = await migrate(pool, factory.mode);
        expect(first.applied.length).toBeGreaterThan(2);
        const tables = await pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
        );
        const second = await migrate(pool, factory.mode);
        expect(second.applied).toEqual([]);
        expect(second.version).toBe(first.version);
        const again = await pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(again.rows[0]?.n).toBe(tables.rows[0]?.n);
        const metrics = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM metric');
        expect(metrics.rows[0]?.n).toBeGreaterThan(20);
      });

      it('refuses to start when an applied migration was edited', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'ioc-mig-'));
        try {
          cpSync(MIGRATIONS_DIR, dir, { recursive: true });
          appendFileSync(join(dir, '0001_core.sql'), '\n-- edited after release\n');
          await expect(migrate(pool, factory.mode, dir)).rejects.toThrow(
            /0001_core\.sql was changed after it was applied/,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });

      it('has the rollup schema the query layer reads, in every mode', async () => {
        for (const rel of ['rollup_1m', 'rollup_1h', 'rollup_1d']) {
          const { rows } = await pool.query<{ column_name: string }>(
            'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name',
            [rel],
          );
          expect(rows.map((r) => r.column_name)).toEqual([
            'bucket',
            'device_id',
            'max',
            'metric',
            'min',
            'n',
            'sum',
            'unit_code',
          ]);
        }
      });
    },
  );
}

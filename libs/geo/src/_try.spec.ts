import { it, expect } from 'vitest';
import { createTestDb } from './testing/pglite';
it('pglite', async () => {
  const t = performance.now();
  const db = await createTestDb();
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_unit');
  console.log(r, performance.now() - t);
  expect(r.rows[0]?.n).toBe(0);
  await db.close();
});

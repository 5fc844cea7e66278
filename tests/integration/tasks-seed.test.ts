/**
 * Every task of the research catalogue (shared/data/tasks/catalogue.json) is seeded once at
 * platform start, with its source and due date; a second seed changes nothing; ten tasks picked
 * at random (seeded PRNG, seed printed, TASKS_SEED=<n> replays it) read back through the API
 * equal the catalogue. Embedded mode.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskDetailSchema, taskListResponse } from '@ioc/contracts';
import { TaskSeedService } from '@ioc/tasks';
import { testEnv } from '../support/env';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/** The research catalogue beside the checkout, the truth the seed is compared with. */
const CATALOGUE = resolve(import.meta.dirname, '../../../shared/data/tasks/catalogue.json');

interface UpstreamTask {
  code: string;
  source: string;
  title_vi: string;
  lead_vi: string | null;
  due: string | null;
  period: string | null;
  cadence: string | null;
  recurring: boolean;
  areaCode: string;
}
const upstream = JSON.parse(readFileSync(CATALOGUE, 'utf8')) as { tasks: UpstreamTask[] };

/** mulberry32: a small deterministic PRNG, so a failing pick can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('task catalogue seed (embedded)', () => {
  let platform: TestPlatform;
  const count = async (sql: string) =>
    Number((await platform.ctx.pool.query<{ n: string }>(sql)).rows[0]?.n);

  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('seeds every catalogue task once, and a re-seed changes nothing', async () => {
    expect(upstream.tasks.length).toBeGreaterThan(150);
    expect(await count('SELECT count(*) AS n FROM task')).toBe(upstream.tasks.length);
    // `code` is unique, so the same count means: exactly the catalogue's tasks, none twice.
    const codes = await platform.ctx.pool.query<{ code: string }>('SELECT code FROM task');
    expect(codes.rows.map((r) => r.code).sort()).toEqual(upstream.tasks.map((t) => t.code).sort());
    const before = await platform.ctx.pool.query('SELECT * FROM task ORDER BY id');
    const again = await new TaskSeedService(platform.ctx.pool, platform.ctx.offices).seed();
    expect(again).toEqual({ sources: 0, tasks: 0 });
    expect((await platform.ctx.pool.query('SELECT * FROM task ORDER BY id')).rows).toEqual(
      before.rows,
    );
    expect(await count('SELECT count(*) AS n FROM task WHERE source IS NULL')).toBe(0);
  });

  it('answers ten random tasks as the catalogue prints them', async () => {
    const seed = Number(testEnv.tasksSeed ?? Date.now() % 2 ** 31);
    console.log(`tasks-seed: picking with TASKS_SEED=${seed}`);
    const random = prng(seed);
    const picked = new Set<number>();
    while (picked.size < 10) picked.add(Math.floor(random() * upstream.tasks.length));
    for (const i of picked) {
      const t = upstream.tasks[i] as UpstreamTask;
      const list = await callApi(
        platform.httpUrl,
        'GET',
        `/api/v1/tasks?q=${encodeURIComponent(t.code)}&limit=500`,
        platform.adminToken,
      );
      expect(list.status, t.code).toBe(200);
      const found = taskListResponse.parse(list.body).items.find((x) => x.code === t.code);
      expect(found, `${t.code} (TASKS_SEED=${seed})`).toBeDefined();
      const one = await callApi(
        platform.httpUrl,
        'GET',
        `/api/v1/tasks/${found?.id}`,
        platform.adminToken,
      );
      const got = taskDetailSchema.parse(one.body);
      expect(
        {
          code: got.code,
          source: got.source,
          titleVi: got.titleVi,
          leadVi: got.leadVi,
          dueDate: got.dueDate,
          periodVi: got.periodVi,
          cadence: got.cadence,
          recurring: got.recurring,
          leadUnitCode: got.leadUnitCode,
        },
        `${t.code} (TASKS_SEED=${seed})`,
      ).toEqual({
        code: t.code,
        source: t.source,
        titleVi: t.title_vi,
        leadVi: t.lead_vi,
        dueDate: t.due,
        periodVi: t.period,
        cadence: t.cadence,
        recurring: t.recurring,
        leadUnitCode: t.areaCode,
      });
    }
  });
});

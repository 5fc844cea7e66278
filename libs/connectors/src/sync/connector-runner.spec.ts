import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import type { RecordSink } from '../ports';
import { ConnectorRepository } from '../repo/connector.repository';
import { RunRepository } from '../repo/run.repository';
import { ConnectorRunner } from './connector-runner';

const ROWS = [
  { id: 'a', v: 1, updated: '2026-03-01T08:00:00+07:00' },
  { id: 'b', v: 2, updated: '2026-03-01T09:00:00+07:00' },
  { id: 'c', v: 3, updated: '2026-03-01T10:00:00+07:00' },
  { id: 'd', v: 4, updated: '2026-03-01T11:00:00+07:00' },
];

describe('ConnectorRunner (PGlite, local source)', () => {
  let db: DisposableDb;
  let server: Server;
  let base = '';
  let brokenPage: number | null = 2;
  const seen: { page: string; since: string }[] = [];
  const stored = new Map<string, number>();

  beforeAll(async () => {
    db = await createMigratedPglite();
    server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const page = Number(u.searchParams.get('page'));
      const since = u.searchParams.get('since') ?? '';
      seen.push({ page: String(page), since });
      if (page === brokenPage) {
        res.writeHead(400).end('bad page');
        return;
      }
      const rows = ROWS.filter((r) => since === '' || Date.parse(r.updated) >= Date.parse(since));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(rows.slice((page - 1) * 2, page * 2)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => {
      server.close(() => {
        r();
      });
    });
    await db.close();
  });

  // Upserts by id; counts only records that changed (as the real sinks do).
  const sink: RecordSink = {
    upsert: (_tx, records) => {
      let upserted = 0;
      for (const r of records) {
        const key = String(r.indicator);
        if (stored.get(key) !== r.value) upserted++;
        stored.set(key, r.value as number);
      }
      return Promise.resolve({ upserted, rejected: [] });
    },
  };

  it('advances the watermark only past committed pages and resumes from it', async () => {
    const repo = new ConnectorRepository(db);
    await repo.insert(
      {
        id: 'src',
        name: 'Nguồn thử',
        department: 'Sở thử',
        source: {
          kind: 'rest-json',
          url: `${base}/rows?page={page}&since={since}`,
          method: 'GET',
          headers: {},
          paging: { kind: 'page', size: 2, start: 1 },
          watermarkField: 'updated',
        },
        mapping: {
          target: 'indicator_value',
          expression: '{"indicator": id, "unitCode": "48", "period": "2026-03", "value": v}',
          unitCodes: {},
        },
        auth: { kind: 'none' },
        schedule: null,
        rateLimitPerMinute: 60_000,
        maxRetries: 0,
      },
      new Date(),
    );
    const runner = new ConnectorRunner({
      db,
      units: { exists: (code) => Promise.resolve(code === '48') },
      sinks: { indicator_value: sink },
      secretsOf: () => Promise.resolve({}),
    });
    const runs = new RunRepository(db);

    const failed = await runs.get(await runner.run((await repo.get('src'))!, 'manual'));
    expect(failed).toMatchObject({ status: 'failed', pages: 1, recordsIn: 2, recordsUpserted: 2 });
    expect(failed?.error).toMatch(/HTTP 400/);
    // Page 1 was committed: its newest record is the watermark; page 2 never was.
    expect((await repo.get('src'))?.watermark).toBe('2026-03-01T09:00:00+07:00');

    brokenPage = null;
    seen.length = 0;
    const ok = await runs.get(await runner.run((await repo.get('src'))!, 'manual'));
    expect(seen[0]).toEqual({ page: '1', since: '2026-03-01T09:00:00+07:00' });
    // b again (inclusive since, unchanged: not upserted), then c and d.
    expect(ok).toMatchObject({ status: 'succeeded', recordsIn: 3, recordsUpserted: 2 });
    expect((await repo.get('src'))?.watermark).toBe('2026-03-01T11:00:00+07:00');
    expect([...stored.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

describe('embedded PostgreSQL', () => {
  let dir = '';
  let pg: EmbeddedPostgres;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ioc-epg-'));
    pg = await startEmbeddedPostgres(dir);
  }, 60_000);
  afterAll(async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a Unix socket only its owner may reach, not on a TCP port', () => {
    expect(pg.port).toBeNull();
    expect(pg.url).toBe(`postgres://postgres@${encodeURIComponent(join(dir, 'run'))}/postgres`);
    expect(statSync(join(dir, 'run')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'run', '.s.PGSQL.5432')).isSocket()).toBe(true);
  });

  it('starts again over a socket left by a process that died', async () => {
    await pg.stop();
    // A killed process leaves its socket file behind (a clean stop removes it).
    writeFileSync(join(dir, 'run', '.s.PGSQL.5432'), '');
    pg = await startEmbeddedPostgres(dir);
    expect(statSync(join(dir, 'run', '.s.PGSQL.5432')).isSocket()).toBe(true);
  }, 60_000);
});

describe('embedded PostgreSQL under a long DATA_DIR', () => {
  it('falls back to a loopback TCP port when the socket path would be too long', async () => {
    const base = mkdtempSync(join(tmpdir(), 'ioc-epg-long-'));
    // Past the ~100 bytes a Unix socket path may hold.
    const dir = join(base, 'd'.repeat(60), 'e'.repeat(60));
    const pg = await startEmbeddedPostgres(dir);
    try {
      expect(pg.port).toEqual(expect.any(Number));
      expect(pg.url).toBe(`postgres://postgres@127.0.0.1:${String(pg.port)}/postgres`);
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      try {
        expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      await pg.stop();
      rmSync(base, { recursive: true, force: true });
    }
  }, 60_000);
});

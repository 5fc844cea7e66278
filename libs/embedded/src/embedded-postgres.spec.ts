import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * An external MQTT broker (EMQX, infra/emqx/emqx.conf) authenticates devices as the role
 * `ioc_emqx`, which may call mqtt_device_token_hash(id) and nothing else: not read a table, not
 * see another device's row, not write. Real PostgreSQL, migrations as the platform applies them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, migrate, type Pool } from '@ioc/db';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { REPO_ROOT } from '../support/platform-process';

const hasPostgres = await postgresAvailable();

describe.skipIf(!hasPostgres)('the MQTT broker’s database role', () => {
  let db: TestDatabase;
  let owner: Pool;
  let broker: pg.Client;

  beforeAll(async () => {
    // Created as infra/timescaledb/init-emqx-role.sh does, before the platform's migrations.
    const admin = new pg.Client({ connectionString: testEnv.postgresAdminUrl });
    await admin.connect();
    await admin.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ioc_emqx') THEN CREATE ROLE ioc_emqx LOGIN PASSWORD 'emqx-test-password'; END IF; END $$`,
    );
    await admin.end();
    db = await createTestDatabase(testEnv.postgresAdminUrl);
    owner = createPool(db.url, 2);
    await migrate(owner, 'postgres');
    await owner.query(
      `INSERT INTO device (id, kind, token_hash) VALUES ('aq-1', 'air_quality', 'hash-1'), ('aq-2', 'air_quality', 'hash-2')`,
    );
    await owner.query(`UPDATE device SET decommissioned_at = now() WHERE id = 'aq-2'`);
    const u = new URL(db.url);
    u.username = 'ioc_emqx';
    u.password = 'emqx-test-password';
    broker = new pg.Client({ connectionString: u.toString() });
    await broker.connect();
  }, 120_000);
  afterAll(async () => {
    await broker.end();
    await owner.end();
    await db.drop();
  });

  it('reads the token hash of one active device through the function', async () => {
    const q = (id: string) =>
      broker.query<{ h: string | null }>('SELECT mqtt_device_token_hash($1) AS h', [id]);
    expect((await q('aq-1')).rows[0]?.h).toBe('hash-1');
    // A decommissioned device cannot connect any more.
    expect((await q('aq-2')).rows[0]?.h).toBeNull();
  });

  it.each([
    'SELECT token_hash FROM device',
    'SELECT * FROM app_user',
    "UPDATE device SET token_hash = 'x'",
    'SELECT * FROM reading',
  ])('may not run: %s', async (sql) => {
    await expect(broker.query(sql)).rejects.toMatchObject({ code: '42501' });
  });

  it('is what the shipped EMQX configuration uses', () => {
    const conf = readFileSync(join(REPO_ROOT, 'infra/emqx/emqx.conf'), 'utf8');
    expect(conf).toContain('username = "ioc_emqx"');
    expect(conf).toContain('mqtt_device_token_hash(${username})');
    expect(conf).not.toMatch(/username = "ioc"\s/);
  });
});

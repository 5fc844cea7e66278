import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnv } from './env';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * Whether a service-backed suite runs. Outside CI a missing service skips the suite; in CI
 * (CI=true) it is a failure, so a broken machine can never pass by skipping.
 */
export async function serviceAvailable(
  name: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const ok = await check();
  if (!ok && testEnv.ci) throw new Error(`${name} is required in CI but is not reachable`);
  return ok;
}

export const postgresAvailable = () =>
  serviceAvailable('PostgreSQL', () => reachable(testEnv.postgresAdminUrl));

/** A fresh, uniquely named database on the given server; dropped by the caller. */
export async function createTestDatabase(
  adminUrl: string,
  prefix = 'ioc_test',
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

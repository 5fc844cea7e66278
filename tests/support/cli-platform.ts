import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './databases';
import { testEnv } from './env';
import { iocOutput } from './ingest';
import { startTestPlatform, type TestPlatform } from './platform';

/** A platform on a PostgreSQL database of its own, and the `ioc` CLI aimed at that database. */
export interface CliPlatform {
  db: TestDatabase;
  platform: TestPlatform;
  /** The CLI's own data folder: it must find nothing there and use DATABASE_URL. */
  dataDir: string;
  /** `ioc ARGS` as an operator runs it beside the running platform: exit code and output. */
  ioc: (...args: string[]) => Promise<{ code: number | null; out: string }>;
  dispose: () => Promise<void>;
}

export async function startCliPlatform(
  name: string,
  env: Record<string, string> = {},
): Promise<CliPlatform> {
  const db = await createTestDatabase(testEnv.postgresAdminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), `ioc-${name}-cli-`));
  const platform = await startTestPlatform({ DATABASE_URL: db.url, ...env });
  return {
    db,
    platform,
    dataDir,
    ioc: (...args) => iocOutput(args, { DATABASE_URL: db.url, DATA_DIR: dataDir }),
    async dispose() {
      await platform.dispose();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a newcomer runs into in a fresh clone: the CLI pointed at the wrong DATA_DIR, `ioc seed
 * demo` against DATABASE_URL before anything made DATA_DIR, `ioc` from outside the repo, and a
 * second `npm start` on a taken port. Each must say what to do and leave nothing behind.
 */
import { createServer, type Server } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { iocOutput } from '../support/ingest';
import { REPO_ROOT } from '../support/platform-process';
import { runCommand } from '../support/processes';

const hasPostgres = await postgresAvailable();

describe('newcomer traps', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'ioc-newcomer-'));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a command against a DATA_DIR with no platform database, and makes none', async () => {
    const dataDir = join(scratch, 'not-the-servers-data');
    const r = await iocOutput(['devices', 'list'], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`No platform database in ${dataDir} (DATA_DIR)`);
    expect(r.out).toContain('không có cơ sở dữ liệu');
    expect(r.out).not.toContain('0 device(s)');
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lets `ioc migrate` make a new embedded database where asked', async () => {
    const dataDir = join(scratch, 'new-data');
    const r = await iocOutput(['migrate'], { DATA_DIR: dataDir });
    expect(r.out).toContain('storage: pglite');
    expect(r.code).toBe(0);
    expect(await iocOutput(['devices', 'list'], { DATA_DIR: dataDir })).toMatchObject({
      code: 0,
      out: expect.stringContaining('0 device(s)') as unknown,
    });
  }, 120_000);

  it('runs `ioc` from outside the repository', async () => {
    const r = await runCommand(process.execPath, [join(REPO_ROOT, 'bin/ioc.mjs'), 'help'], {
      cwd: scratch,
      env: { PATH: testEnv.path, HOME: testEnv.home },
      timeoutMs: 60_000,
    });
    expect(r.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(r.stdout).toContain('Usage: ioc <command>');
    expect(r.code).toBe(0);
  });

  it('stops at once on a taken HTTP port, before opening or migrating anything', async () => {
    const holder: Server = createServer();
    await new Promise<void>((res) => holder.listen(0, '127.0.0.1', res));
    const port = (holder.address() as { port: number }).port;
    const dataDir = join(scratch, 'second-start');
    try {
      const r = await runCommand(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
        cwd: REPO_ROOT,
        env: {
          PATH: testEnv.path,
          HOME: testEnv.home,
          TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.json'),
          HOST: '127.0.0.1',
          PORT: String(port),
          DATA_DIR: dataDir,
        },
        timeoutMs: 60_000,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`HTTP port ${port} is already in use: set PORT to a free port`);
      expect(`${r.stdout}${r.stderr}`).not.toContain('migrations applied');
      expect(`${r.stdout}${r.stderr}`).not.toContain('EADDRINUSE');
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await new Promise<void>((res) =>
        holder.close(() => {
          res();
        }),
      );
    }
  });

  describe.skipIf(!hasPostgres)('with DATABASE_URL', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(testEnv.postgresAdminUrl);
    });
    afterAll(async () => {
      await db.drop();
    });

    it('seeds the demo region in a fresh clone, making DATA_DIR for the simulator’s tokens', async () => {
      const dataDir = join(scratch, 'fresh-clone', 'data');
      const r = await iocOutput(['seed', 'demo'], { DATABASE_URL: db.url, DATA_DIR: dataDir });
      expect(r.out).not.toContain('ENOENT');
      expect(r.out).toMatch(/units: \d+ .*demo devices: [1-9]\d*/);
      // A fresh clone draws the real wards the platform ships, and says so.
      expect(r.out).toMatch(/units: 94 of 48, real ward boundaries shipped with the platform/);
      expect(r.code).toBe(0);
      expect(existsSync(join(dataDir, 'demo-devices.json'))).toBe(true);
      // Positions are listed without float noise (the demo printed 15.531509999999999).
      const listed = await iocOutput(['devices', 'list'], {
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
      });
      expect(listed.out).toMatch(/^wl-\d{5}\twater_level\t\d{5}\t\d+\.\d+\t\d+\.\d+\t/m);
      expect(listed.out).not.toMatch(/\d\.\d{7,}/);
    }, 180_000);
  });
});

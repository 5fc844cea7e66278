/**
 * The `ioc` CLI for feeds, targets and indicators, run as an operator would (`node bin/ioc.mjs`)
 * against a PostgreSQL test database that a running platform also serves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { runCommand } from '../support/processes';

const hasPostgres = await postgresAvailable();
const DOSSIERS = 'dx.dossiers_processed_online';
const REPO_ROOT = resolve(import.meta.dirname, '../..');

describe.skipIf(!hasPostgres)('ioc feeds / targets / indicators (CLI)', () => {
  let db: TestDatabase;
  let platform: TestPlatform;
  let dataDir: string;

  async function ioc(...args: string[]): Promise<string> {
    const r = await runCommand(process.execPath, [join(REPO_ROOT, 'bin/ioc.mjs'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: testEnv.path, HOME: testEnv.home, DATABASE_URL: db.url, DATA_DIR: dataDir },
      timeoutMs: 60_000,
    });
    if (r.code !== 0)
      throw new Error(`ioc ${args.join(' ')} exited ${String(r.code)}:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  function report(code: string, key: string, period: string) {
    return fetch(`${platform.httpUrl}/api/v1/feeds/${code}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${key}` },
      body: `Mã chỉ tiêu,Mã đơn vị,Kỳ,Tử số,Mẫu số\n${DOSSIERS},20275,${period},180,200\n`,
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl);
    dataDir = mkdtempSync(join(tmpdir(), 'ioc-cli-'));
    platform = await startTestPlatform({ DATABASE_URL: db.url });
  });

  afterAll(async () => {
    await platform.dispose();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('`ioc feeds add` prints a key once that opens the feed; `rotate` replaces it and the old one stops working', async () => {
    const out = await ioc(
      'feeds',
      'add',
      '--code',
      'phuong-an-hai',
      '--name',
      'UBND phường An Hải',
      '--indicators',
      `${DOSSIERS},dx.vneid_accounts`,
      '--units',
      '48,20275',
      '--cadence',
      'monthly',
      '--due-day',
      '10',
      '--who',
      'admin.cli',
      '--why',
      'cấp khoá cho phường',
    );
    const key = /^key: (iocf_\S+)$/m.exec(out)?.[1] ?? '';
    expect(key).toMatch(/^iocf_[A-Za-z0-9_-]{43}$/);
    expect(out.split(key)).toHaveLength(2);
    expect((await report('phuong-an-hai', key, '2025-03')).status).toBe(200);

    const list = await ioc('feeds', 'list');
    expect(list).toMatch(
      /^phuong-an-hai\tmonthly\t10\tdx\.dossiers_processed_online,dx\.vneid_accounts\t48,20275\t/m,
    );
    expect(list).not.toContain(key);
    const stored = await platform.ctx.pool.query<{ key_hash: string }>(
      "SELECT key_hash FROM feed WHERE code = 'phuong-an-hai'",
    );
    expect(stored.rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);

    const rotated = await ioc('feeds', 'rotate', '--code', 'phuong-an-hai', '--why', 'khoá bị lộ');
    const next = /new key for phuong-an-hai: (iocf_\S+)/.exec(rotated)?.[1] ?? '';
    expect(next).toMatch(/^iocf_/);
    expect(next).not.toBe(key);
    const old = await report('phuong-an-hai', key, '2025-04');
    expect(old.status).toBe(401);
    expect((await report('phuong-an-hai', next, '2025-04')).status).toBe(200);

    const audit = await platform.ctx.pool.query<{ actor: string; action: string; why: string }>(
      `SELECT actor, action, detail->>'why' AS why FROM audit_log WHERE target_kind = 'feed' AND target_id = 'phuong-an-hai' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { actor: 'admin.cli', action: 'feed.create', why: 'cấp khoá cho phường' },
      { actor: 'system', action: 'feed.rotate_key', why: 'khoá bị lộ' },
    ]);
  });

  it('`ioc targets add|edit` and `ioc indicators edit` are logged with --who and --why', async () => {
    const added = await ioc(
      'targets',
      'add',
      '--indicator',
      DOSSIERS,
      '--unit',
      '20275',
      '--year',
      '2027',
      '--op',
      '>=',
      '--value',
      '97,5',
      '--ref',
      'Nghị quyết Đảng uỷ phường',
      '--who',
      'lead.anhai',
      '--why',
      'mục tiêu năm 2027',
    );
    const id = /^target (\d+) added: dx\.dossiers_processed_online 20275 2027 >= 97\.5$/m.exec(
      added,
    )?.[1];
    expect(id).toBeDefined();
    expect(
      await ioc('targets', 'edit', '--id', id ?? '', '--value', '98', '--why', 'điều chỉnh'),
    ).toContain('>= 98');
    await expect(ioc('targets', 'edit', '--id', id ?? '', '--value', '99')).rejects.toThrow(
      /why: required/,
    );
    await ioc(
      'indicators',
      'edit',
      '--code',
      DOSSIERS,
      '--notes',
      'Gồm hồ sơ cấp xã',
      '--who',
      'admin.cli',
      '--why',
      'làm rõ phạm vi',
    );

    const res = await platform.api('/api/v1/indicators/changes?limit=10');
    const log = (await res.json()) as {
      items: {
        entity: string;
        entityKey: string;
        action: string;
        changedBy: string;
        reason: string;
      }[];
    };
    expect(
      log.items.slice(0, 3).map((l) => [l.entity, l.entityKey, l.action, l.changedBy, l.reason]),
    ).toEqual([
      ['indicator', DOSSIERS, 'update', 'admin.cli', 'làm rõ phạm vi'],
      ['target', id, 'update', 'system', 'điều chỉnh'],
      ['target', id, 'create', 'lead.anhai', 'mục tiêu năm 2027'],
    ]);
  });
});

/**
 * `ioc tasks …` and `ioc offices …` run as an operator would (`node bin/ioc.mjs`) against a
 * PostgreSQL test database a running platform also serves: the same services, checks and audit
 * trail as the API.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/databases';
import { startCliPlatform, type CliPlatform } from '../support/cli-platform';
import type { TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe.skipIf(!hasPostgres)('ioc tasks / offices (CLI, PostgreSQL)', () => {
  let cli: CliPlatform;
  let platform: TestPlatform;
  let dataDir: string;

  const ioc = (...args: string[]) => cli.ioc(...args);

  beforeAll(async () => {
    cli = await startCliPlatform('tasks');
    ({ platform, dataDir } = cli);
  });
  afterAll(() => cli.dispose());

  it('finds the catalogue seeded by the platform: `tasks seed` adds nothing', async () => {
    expect(await ioc('tasks', 'seed')).toMatchObject({
      code: 0,
      out: expect.stringContaining('+0 sources, +0 tasks') as unknown,
    });
    const list = await ioc('tasks', 'list', '--unit', '20275');
    expect(list.code, list.out).toBe(0);
    expect(list.out).toContain('DN-ANHAI-KH-2026/body-V.3');
  });

  it('adds an office, puts a user in it, and lists it', async () => {
    const add = await ioc(
      'offices',
      'add',
      '--unit',
      '20275',
      '--name',
      'Công an phường An Hải',
      '--kind',
      'police',
    );
    expect(add.code, add.out).toBe(0);
    expect(add.out).toContain('office 20275.cong-an-phuong-an-hai added');
    const member = await ioc(
      'offices',
      'member',
      '--office',
      '20275.cong-an-phuong-an-hai',
      '--user',
      'lan',
    );
    expect(member.out).toContain('members: lan');
    const list = await ioc('offices', 'list', '--unit', '20275');
    expect(list.out).toMatch(/20275\.phong-van-hoa-xa-hoi .*culture_society, compiler/);
    expect(list.out).toMatch(/20275\.cong-an-phuong-an-hai .*members: lan/);
    const bad = await ioc('offices', 'add', '--unit', '99999', '--name', 'X');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('unknown unit');
  });

  it('posts progress with a file, refuses a file that is not what it claims', async () => {
    const { rows } = await platform.ctx.pool.query<{ id: string }>(
      `SELECT id::text AS id FROM task WHERE code = 'DN-ANHAI-KH-2026/body-V.3'`,
    );
    const id = rows[0]?.id ?? '';
    const photo = join(dataDir, 'anh.png');
    writeFileSync(photo, PNG);
    const posted = await ioc(
      'tasks',
      'progress',
      '--id',
      id,
      '--progress',
      '30',
      '--note',
      'Đã họp',
      '--file',
      photo,
    );
    expect(posted.code, posted.out).toBe(0);
    const show = await ioc('tasks', 'show', '--code', 'DN-ANHAI-KH-2026/body-V.3');
    expect(show.out).toContain('30% in_progress Đã họp');
    expect(show.out).toMatch(/file \d+: anh\.png \(image\/png, 16 B\)/);
    const fake = join(dataDir, 'fake.png');
    writeFileSync(fake, 'not a png');
    const refused = await ioc('tasks', 'progress', '--id', id, '--progress', '50', '--file', fake);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('fake.png: not a JPEG, PNG');
    const audit = await platform.ctx.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_kind = 'task' AND target_id = $1`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['task.progress']);
  });
});

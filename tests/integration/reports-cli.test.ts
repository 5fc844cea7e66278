/**
 * `ioc reports schedule(s) …` and the steps, run as an operator would (`node bin/ioc.mjs`)
 * against a PostgreSQL test database a running platform also serves: the schedule service's
 * checks (the contract's message for a bad due day), its audit trail, and a period stepped
 * from the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/databases';
import { startCliPlatform, type CliPlatform } from '../support/cli-platform';
import type { TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();
const WARD = '20314';

describe.skipIf(!hasPostgres)('ioc reports schedules (CLI, PostgreSQL)', () => {
  let cli: CliPlatform;
  let platform: TestPlatform;

  const ioc = (...args: string[]) => cli.ioc(...args);

  beforeAll(async () => {
    cli = await startCliPlatform('reports');
    ({ platform } = cli);
  });
  afterAll(() => cli.dispose());

  it('makes, lists, changes and switches off a schedule, each step audited', async () => {
    const bad = await ioc('reports', 'schedule', '--unit', WARD, '--due-day', '31');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/dueDay/);

    const made = await ioc(
      'reports',
      'schedule',
      '--unit',
      WARD,
      '--remind',
      '7,2',
      '--email',
      'vhxh@example.vn',
    );
    expect(made.code, made.out).toBe(0);
    const id = /#(\d+)/.exec(made.out)?.[1] ?? '';
    expect(made.out).toContain('monthly by day 15  remind 7,2 d before');

    const again = await ioc('reports', 'schedule', '--unit', WARD);
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('20314 already has a schedule');

    const off = await ioc('reports', 'schedule', '--id', id, '--cadence', 'quarterly', '--off');
    expect(off.code, off.out).toBe(0);
    const list = await ioc('reports', 'schedules', '--unit', '48');
    expect(list.out).toContain(`#${id}`);
    expect(list.out).toMatch(/quarterly by day 15 .*OFF/);

    const audit = await platform.ctx.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_kind = 'report_schedule' AND target_id = $1
       ORDER BY id`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'report_schedule.create',
      'report_schedule.update',
    ]);
  });
});

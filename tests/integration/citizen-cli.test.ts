/**
 * `ioc citizen …` run as an operator would (`node bin/ioc.mjs`) against a PostgreSQL test
 * database a running platform also serves: categories and the working-day calendar, a holiday
 * set from the CLI, an app key made by the CLI that the API then accepts, and a unit's cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSubmitResponse } from '@ioc/contracts';
import { DA_NANG_WARDS, allWardPoints } from '../support/citizen';
import { postgresAvailable } from '../support/databases';
import { startCliPlatform, type CliPlatform } from '../support/cli-platform';
import type { TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();

describe.skipIf(!hasPostgres)('ioc citizen (CLI, PostgreSQL)', () => {
  let cli: CliPlatform;
  let platform: TestPlatform;

  const ioc = (...args: string[]) => cli.ioc(...args);

  beforeAll(async () => {
    cli = await startCliPlatform('citizen', { IOC_BOUNDARIES: DA_NANG_WARDS });
    ({ platform } = cli);
  }, 180_000);
  afterAll(() => cli.dispose());

  it('lists the categories with their deadlines and the 2026 holidays, and sets a holiday', async () => {
    const cats = await ioc('citizen', 'categories');
    expect(cats.code, cats.out).toBe(0);
    expect(cats.out).toMatch(/den_duong\s+3 ngày làm việc {2}Đèn đường hư hỏng/);
    const before = await ioc('citizen', 'holidays', '--year', '2026');
    expect(before.code, before.out).toBe(0);
    expect(before.out).toContain('2026-02-17');
    expect(before.out).not.toContain('2026-12-31');
    const set = await ioc(
      'citizen',
      'holiday',
      'set',
      '2026-12-31',
      'Nghỉ',
      'bù',
      '--en',
      'Bridge day',
    );
    expect(set.code, set.out).toBe(0);
    const after = await ioc('citizen', 'holidays', '--year', '2026');
    expect(after.out).toContain('2026-12-31  Nghỉ bù / Bridge day');
    const bad = await ioc('citizen', 'holiday', 'set', '31/12/2026', 'x');
    expect(bad.code).not.toBe(0);
  });

  it('makes an app key the API accepts, and lists the case it filed for its ward', async () => {
    const add = await ioc('citizen', 'apps', 'add', 'tong-dai-1022', 'Tổng đài 1022 Đà Nẵng');
    expect(add.code, add.out).toBe(0);
    const key = /ioca_\S+/.exec(add.out)?.[0];
    expect(key).toBeDefined();
    const ward = allWardPoints()[5]!;
    const res = await fetch(`${platform.httpUrl}/api/v1/citizen/app-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key ?? '' },
      body: JSON.stringify({
        category: 'tieng_on',
        description: 'Karaoke mở to sau 23 giờ nhiều đêm liền',
        lat: ward.lat,
        lon: ward.lon,
      }),
    });
    expect(res.status).toBe(201);
    const { code } = citizenSubmitResponse.parse(await res.json());
    const list = await ioc('citizen', 'list', '--unit', ward.code);
    expect(list.code, list.out).toBe(0);
    expect(list.out).toContain(code);
    expect(list.out).toContain('Tiếng ồn');
    expect((await ioc('citizen', 'apps', 'list')).out).toContain('tong-dai-1022  Tổng đài 1022');
    expect((await ioc('citizen', 'list')).code).not.toBe(0);
  });
});

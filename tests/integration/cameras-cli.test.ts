/**
 * `ioc cameras add|list` run as an operator would (`node bin/ioc.mjs`) against the PostgreSQL
 * database a running platform serves: a camera registered by the CLI is placed in the unit
 * holding its point, audited, and served by the API; a bad one is refused with every problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraSchema } from '@ioc/contracts';
import { postgresAvailable } from '../support/databases';
import { startCliPlatform, type CliPlatform } from '../support/cli-platform';
import { callApi } from '../support/http';
import type { TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();
const WARD = '20275'; // An Hải, Đà Nẵng

describe.skipIf(!hasPostgres)('ioc cameras (CLI, PostgreSQL)', () => {
  let cli: CliPlatform;
  let platform: TestPlatform;

  const ioc = (...args: string[]) => cli.ioc(...args);

  beforeAll(async () => {
    cli = await startCliPlatform('cameras');
    ({ platform } = cli);
  }, 180_000);
  afterAll(() => cli.dispose());

  it('registers a camera at a point of its ward and lists it; the API serves it', async () => {
    const unit = await callApi(
      platform.httpUrl,
      'GET',
      `/api/v1/units/${WARD}`,
      platform.adminToken,
    );
    const [lon, lat] = (unit.body as { label: [number, number] }).label;
    const add = await ioc(
      'cameras',
      'add',
      '--id',
      'cli-cam-1',
      '--name',
      'Cổng cảng cá Thọ Quang',
      '--kind',
      'port',
      '--lon',
      String(lon),
      '--lat',
      String(lat),
      '--hls',
      'tho-quang/cong-1',
      '--tags',
      'cang,xe',
    );
    expect(add.code, add.out).toBe(0);
    expect(add.out).toContain(`cli-cam-1 (port) in ${WARD}`);
    const list = await ioc('cameras', 'list', '--unit', '48');
    expect(list.code, list.out).toBe(0);
    expect(list.out).toMatch(
      /cli-cam-1\tport\t20275\tunknown\tCổng cảng cá Thọ Quang\thls:tho-quang\/cong-1/,
    );
    const got = await callApi(
      platform.httpUrl,
      'GET',
      '/api/v1/cameras/cli-cam-1',
      platform.adminToken,
    );
    expect(got.status).toBe(200);
    expect(cameraSchema.parse(got.body)).toMatchObject({ unitCode: WARD, tags: ['cang', 'xe'] });
    const { rows } = await platform.ctx.pool.query<{ actor_kind: string }>(
      "SELECT actor_kind FROM audit_log WHERE action = 'camera.create' AND target_id = 'cli-cam-1'",
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a camera without a stream or a valid kind, naming every problem', async () => {
    const bad = await ioc(
      'cameras',
      'add',
      '--id',
      'cli-cam-2',
      '--name',
      'x',
      '--kind',
      'drone',
      '--lon',
      '108.2',
      '--lat',
      'north',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('kind');
    expect(bad.out).toContain('lat');
    expect((await ioc('cameras', 'list')).out).not.toContain('cli-cam-2');
  });
});

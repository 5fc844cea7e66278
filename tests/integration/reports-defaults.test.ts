/**
 * Out of the box every ward and commune of the province reports monthly by the 15th (the ward
 * plans' rule), so the reporting matrix is full on a new install without anyone making 94
 * schedules by hand; what an administrator changed is never overwritten. Embedded mode, access
 * control on, Đà Nẵng (48).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportScheduleView } from '@ioc/contracts';
import { SYSTEM_ACTOR } from '@ioc/auth';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const NOW = new Date('2026-12-10T02:00:00Z');

describe('default reporting schedules (embedded, access control on)', () => {
  let platform: TestPlatform;
  let wards: string[] = [];
  const schedules = async () => {
    const r = await callApi(
      platform.httpUrl,
      'GET',
      '/api/v1/reports/schedules?unit=48',
      platform.adminToken,
    );
    expect(r.status).toBe(200);
    return (r.body as { items: ReportScheduleView[] }).items;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({
      REPORT_SCHEDULE_DEFAULTS: 'true',
      clock: () => NOW,
    });
    wards = (await platform.ctx.units.selfAndDescendants('48')).filter((c) => c !== '48');
  }, 180_000);

  afterAll(async () => {
    await platform.dispose();
  });

  it('gives each ward and commune of the province one monthly schedule due by the 15th', async () => {
    expect(wards.length).toBeGreaterThan(90);
    const items = await schedules();
    expect(items.map((s) => s.unitCode).sort()).toEqual([...wards].sort());
    for (const s of items) {
      expect(s).toMatchObject({ officeId: null, cadence: 'monthly', dueDay: 15, active: true });
      expect(s.remindDays).toEqual([5, 1]);
    }
    const audit = await platform.ctx.pool.query<{ actor: string; detail: { added: number } }>(
      `SELECT actor, detail FROM audit_log WHERE action = 'report_schedule.defaults'`,
    );
    expect(audit.rows).toEqual([
      { actor: SYSTEM_ACTOR.actor, detail: expect.objectContaining({ added: wards.length }) },
    ]);

    // November's report is what every ward owes on 10 December: the matrix has a row for each.
    const matrix = await callApi(
      platform.httpUrl,
      'GET',
      '/api/v1/reports/matrix?unit=48',
      platform.adminToken,
    );
    expect(matrix.status).toBe(200);
    const body = matrix.body as { period: string; rows: { unitCode: string }[] };
    expect(body.period).toBe('2026-11');
    expect(new Set(body.rows.map((r) => r.unitCode))).toEqual(new Set(wards));
  });

  it('keeps what an administrator changed when the defaults are applied again', async () => {
    const [first] = await schedules();
    const changed = await callApi(
      platform.httpUrl,
      'PATCH',
      `/api/v1/reports/schedules/${first!.id}`,
      platform.adminToken,
      { cadence: 'quarterly', dueDay: 20, active: false },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // What the next start does.
    expect(await platform.ctx.reportingCycle.schedules.ensureDefaults(wards, SYSTEM_ACTOR)).toBe(0);
    const after = (await schedules()).find((s) => s.id === first!.id);
    expect(after).toMatchObject({ cadence: 'quarterly', dueDay: 20, active: false });
    expect(await schedules()).toHaveLength(wards.length);
  });
});

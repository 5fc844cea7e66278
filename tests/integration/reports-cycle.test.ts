import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/http';
import { startSmtpCapture, startWebhookReceiver } from '../support/mail';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

// The monthly reporting cycle end to end: schedules, reminders by e-mail (a real SMTP server)
// and webhook, the late list and the matrix on the 16th, and the steps with their audit trail.
// The clock is the composition's injected one; the reminder pass is what the timer runs.

const WARD_A = '20314';
const WARD_B = '20275';
let wardAName = '';

interface Period {
  id: string;
  unitCode: string;
  unitName: string | null;
  state: string;
  late: boolean;
}

describe('reporting cycle (embedded, access control on)', () => {
  let platform: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let now = new Date('2026-12-09T02:00:00Z');
  const tokens: Record<string, string> = {};
  const api = (method: string, path: string, who: string, body?: unknown) =>
    callApi(platform.httpUrl, method, path, tokens[who] ?? null, body);
  const tickOn = async (day: string) => {
    now = new Date(`${day}T02:00:00Z`); // 09:00 in Vietnam
    return platform.ctx.reportingCycle.reminders.tick();
  };
  const periodOf = async (unit: string): Promise<Period> => {
    const r = await api('GET', `/api/v1/reports/periods?unit=${unit}`, 'admin');
    expect(r.status).toBe(200);
    const items = (r.body as { items: Period[] }).items;
    expect(items).toHaveLength(1);
    return items[0]!;
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    hook = await startWebhookReceiver();
    platform = await startTestPlatform({ SMTP_URL: smtp.url, clock: () => now });
    wardAName = (await platform.ctx.units.get(WARD_A))?.name ?? '';
    expect(wardAName).toMatch(/^Phường /);
    tokens.admin = platform.adminToken;
    tokens.leader = await platform.loginAs('province_leader', ['48']);
    tokens.reviewer = await platform.loginAs('province_operator', ['48']);
    tokens.hcOperator = await platform.loginAs('ward_operator', [WARD_A]);
    tokens.tkOperator = await platform.loginAs('ward_operator', [WARD_B]);
    for (const [unitCode, email] of [
      [WARD_A, 'vhxh.haichau@example.vn'],
      [WARD_B, 'vhxh.thanhkhe@example.vn'],
    ] as const) {
      const r = await api('POST', '/api/v1/reports/schedules', 'admin', {
        unitCode,
        emails: [email],
        webhookUrl: hook.url,
        remindDays: [5, 1],
      });
      expect(r.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await platform.dispose();
    await smtp.close();
    await hook.close();
  });

  it('reminds 5 and 1 days before the 15th by e-mail and webhook, in Vietnamese', async () => {
    expect(await tickOn('2026-12-09')).toEqual({ sent: 0, failed: 0 });
    expect(await tickOn('2026-12-10')).toEqual({ sent: 4, failed: 0 });
    await waitFor(() => (smtp.mails.length >= 2 ? true : undefined), 10_000, 'two e-mails');
    const hc = smtp.mails.find((m) => m.to.includes('vhxh.haichau@example.vn'));
    expect(hc?.subject.startsWith(`[IOC] Nhắc báo cáo tháng 11/2026 — ${wardAName}:`)).toBe(true);
    expect(hc?.subject).toContain('hạn 15/12/2026, còn 5 ngày');
    expect(hc?.text).toContain('Báo cáo tháng 11/2026 cần được gửi trước hết ngày 15/12/2026');
    expect(hook.bodies).toHaveLength(2);
    expect(hook.bodies).toContainEqual(
      expect.objectContaining({
        type: 'report_reminder',
        unitCode: WARD_A,
        period: '2026-11',
        daysLeft: 5,
        subject: hc?.subject,
      }),
    );
    // Ticking again the same day sends nothing more: one reminder per day, channel and target.
    expect(await tickOn('2026-12-10')).toEqual({ sent: 0, failed: 0 });

    // Ward B submits before the last reminder; ward A does not.
    const tk = await periodOf(WARD_B);
    expect(
      (await api('POST', `/api/v1/reports/periods/${tk.id}/submit`, 'tkOperator', {})).status,
    ).toBe(200);
    smtp.mails.length = 0;
    hook.bodies.length = 0;
    expect(await tickOn('2026-12-14')).toEqual({ sent: 2, failed: 0 });
    await waitFor(() => (smtp.mails.length >= 1 ? true : undefined), 10_000, 'the 1-day e-mail');
    expect(smtp.mails.map((m) => [m.to, m.subject.includes('còn 1 ngày')])).toEqual([
      [['vhxh.haichau@example.vn'], true],
    ]);
    expect(hook.bodies).toEqual([
      expect.objectContaining({ unitCode: WARD_A, daysLeft: 1, unitName: wardAName }),
    ]);
  });

  it('on the 16th lists the unit that has not submitted as late, first on the leader matrix', async () => {
    smtp.mails.length = 0;
    expect(await tickOn('2026-12-16')).toEqual({ sent: 2, failed: 0 });
    await waitFor(() => (smtp.mails.length >= 1 ? true : undefined), 10_000, 'the late notice');
    expect(smtp.mails[0]?.subject).toContain(`Quá hạn báo cáo tháng 11/2026 — ${wardAName}`);

    const late = await api('GET', '/api/v1/reports/late?unit=48', 'leader');
    expect(late.status).toBe(200);
    const lateUnits = (late.body as { items: Period[] }).items.map((i) => i.unitCode);
    expect(lateUnits).toContain(WARD_A);
    expect(lateUnits).not.toContain(WARD_B);

    const matrix = await api('GET', '/api/v1/reports/matrix?unit=48', 'leader');
    expect(matrix.status).toBe(200);
    const m = matrix.body as { period: string; rows: (Period & { cells: unknown[] })[] };
    expect(m.period).toBe('2026-11');
    expect(m.rows.map((r) => [r.unitCode, r.late, r.state])).toEqual([
      [WARD_A, true, 'open'],
      [WARD_B, false, 'submitted'],
    ]);
    // A ward operator of another ward cannot read ward A's matrix.
    expect((await api('GET', `/api/v1/reports/matrix?unit=${WARD_A}`, 'tkOperator')).status).toBe(
      403,
    );
  });

  it('submit → return → submit → approve locks (409) until re-opened; the audit says who', async () => {
    const { id } = await periodOf(WARD_A);
    const step = (action: string, who: string, body: unknown = {}) =>
      api('POST', `/api/v1/reports/periods/${id}/${action}`, who, body);
    expect((await step('submit', 'hcOperator')).status).toBe(200);
    expect((await step('return', 'reviewer')).status).toBe(400);
    const returned = await step('return', 'reviewer', { reason: 'Thiếu số liệu chỉ tiêu' });
    expect(returned.body).toMatchObject({
      state: 'returned',
      returnedReason: 'Thiếu số liệu chỉ tiêu',
    });
    expect((await step('submit', 'hcOperator')).status).toBe(200);
    expect((await step('approve', 'reviewer')).body).toMatchObject({ state: 'approved' });
    for (const [action, who] of [
      ['submit', 'hcOperator'],
      ['return', 'reviewer'],
      ['approve', 'reviewer'],
    ] as const) {
      const r = await step(action, who, { reason: 'sửa lại' });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ error: { code: 'REPORT_LOCKED' } });
    }
    // A ward operator may not re-open (reports.review needs the compiling office for ward roles).
    expect((await step('reopen', 'hcOperator', { reason: 'tự mở' })).status).toBe(403);
    expect((await step('reopen', 'reviewer', { reason: 'Sửa giá trị tháng 11' })).status).toBe(200);
    const last = await step('submit', 'hcOperator');
    expect(last.status).toBe(200);
    const events = (last.body as { events: { action: string; actor: string }[] }).events;
    const hcUser = events[0]!.actor;
    const reviewer = events[1]!.actor;
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['submit', hcUser],
      ['return', reviewer],
      ['submit', hcUser],
      ['approve', reviewer],
      ['reopen', reviewer],
      ['submit', hcUser],
    ]);
    expect(hcUser).toMatch(/^t-ward-operator-/);
    expect(reviewer).toMatch(/^t-province-operator-/);

    const audit = await api('GET', '/api/v1/audit?action=report.*&limit=50', 'admin');
    expect(audit.status).toBe(200);
    const rows = (
      audit.body as { items: { action: string; actor: string; targetId: string }[] }
    ).items
      .filter((r) => r.targetId === id)
      .reverse();
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['report.submit', hcUser],
      ['report.return', reviewer],
      ['report.submit', hcUser],
      ['report.approve', reviewer],
      ['report.reopen', reviewer],
      ['report.submit', hcUser],
    ]);
  });
});

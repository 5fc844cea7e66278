/**
 * Issue 20.2: an alert handed to an office reaches the office's mailbox by e-mail (a real SMTP
 * server from npm), queued with the assignment and delivered by the notifier with retries; an
 * office without a mailbox, a person, or un-assigning sends nothing. The notification history
 * shows every attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type CapturedMail } from '../support/mail';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20314';

describe('alert e-mail to the office it is handed to', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let smtpUp = false;
  let platform: TestPlatform;
  let alertId = '';
  const offices: Record<'mailbox' | 'none', string> = { mailbox: '', none: '' };

  const send = async (path: string, body: unknown) => {
    const res = await platform.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const mailsTo = (address: string): CapturedMail[] =>
    smtp.mails.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    smtpUp = true;
    platform = await startTestPlatform({ SMTP_URL: smtp.url });
    for (const [key, body] of [
      [
        'mailbox',
        {
          unitCode: WARD,
          nameVi: 'Phòng Kinh tế, Hạ tầng và Đô thị',
          email: 'kinhte.hoaxuan@danang.gov.vn',
        },
      ],
      ['none', { unitCode: WARD, nameVi: 'Tổ dân phố 5' }],
    ] as const) {
      const res = await send('/api/v1/offices', body);
      expect(res.status).toBe(201);
      offices[key] = (res.body as { id: string }).id;
    }
    const rule = await send('/api/v1/alert-rules', {
      name: 'Mực nước vượt báo động I',
      kind: 'threshold',
      severity: 'critical',
      params: { metric: 'water_level', comparator: '>', value: 1.2 },
      scope: { unitCodes: [WARD] },
    });
    expect(rule.status).toBe(201);
    const token = await platform.addDevice({
      id: 'mail-wl-1',
      kind: 'water_level',
      unitCode: WARD,
    });
    const reading = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: { water_level: 1.75 } }),
    });
    expect(reading.status).toBe(202);
    await platform.ctx.live.idle();
    const list = await platform.api(`/api/v1/alerts?unit=${WARD}&status=active`);
    alertId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    expect(alertId).not.toBe('');
  });

  afterAll(async () => {
    await platform.dispose();
    if (smtpUp) await smtp.close();
  });

  it('mails the office what, where, the value and since when, in Vietnamese first', async () => {
    const res = await send(`/api/v1/alerts/${alertId}/assign`, {
      assignee: `department:${offices.mailbox}`,
    });
    expect(res.status).toBe(200);
    await platform.ctx.live.idle();
    await expect.poll(() => mailsTo('kinhte.hoaxuan@danang.gov.vn').length).toBe(1);
    const mail = mailsTo('kinhte.hoaxuan@danang.gov.vn')[0] as CapturedMail;
    expect(mail.subject).toMatch(/^\[IOC\] Nghiêm trọng: /);
    expect(mail.text).toContain(
      'Cảnh báo đã được giao cho Phòng Kinh tế, Hạ tầng và Đô thị xử lý.',
    );
    expect(mail.text).toContain(`Mã cảnh báo: ${alertId}`);
    expect(mail.text).toContain('Thiết bị: mail-wl-1');
    expect(mail.text).toContain('Giá trị đo: 1.75');
    expect(mail.text).toContain(`Địa bàn (mã đơn vị): ${WARD}`);

    const history = await platform.api(`/api/v1/alerts/${alertId}/notifications`);
    const rows = (
      (await history.json()) as {
        items: { channel: string; target: string; status: string; event: string | null }[];
      }
    ).items.filter((r) => r.channel === 'email');
    expect(rows).toEqual([
      expect.objectContaining({
        target: 'kinhte.hoaxuan@danang.gov.vn',
        status: 'sent',
        event: 'alert.assigned',
      }),
    ]);
  });

  it('sends nothing to an office without a mailbox, to a person, or on un-assigning', async () => {
    const before = smtp.mails.length;
    for (const assignee of [`department:${offices.none}`, 'user:op.hoaxuan', null]) {
      const res = await send(`/api/v1/alerts/${alertId}/assign`, { assignee });
      expect(res.status).toBe(200);
    }
    await platform.ctx.live.idle();
    expect(smtp.mails.length).toBe(before);
  });

  it('keeps the mail and retries when the SMTP server is down', async () => {
    await smtp.close();
    smtpUp = false;
    const res = await send(`/api/v1/alerts/${alertId}/assign`, {
      assignee: `department:${offices.mailbox}`,
    });
    expect(res.status).toBe(200);
    await platform.ctx.live.idle();
    const history = await platform.api(`/api/v1/alerts/${alertId}/notifications`);
    const failed = (
      (await history.json()) as {
        items: { channel: string; status: string; error: string | null; nextAt: string | null }[];
      }
    ).items.filter((r) => r.channel === 'email' && r.status === 'failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed[0]?.error).toBeTruthy();
    expect(failed[0]?.nextAt).not.toBeNull();
  });
});

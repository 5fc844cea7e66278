import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentNotifier } from './citizen-notifier';

describe('residentNotifier', () => {
  let server: Server;
  let base = '';
  const received: { path: string; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(() => {
    server.close();
  });

  const notice = {
    code: 'PA7K3M9QX2RT',
    status: 'resolved',
    phone: '0905111222',
    text: 'Phản ánh PA7K3M9QX2RT của bạn đã được giải quyết.',
  };

  it('posts the status to the webhook without the phone, and {to, text} to the SMS gateway', async () => {
    received.length = 0;
    const at = new Date('2026-03-05T02:00:00Z');
    await residentNotifier({
      webhookUrl: `${base}/hook`,
      smsUrl: `${base}/sms`,
      clock: () => at,
    }).notify(notice);
    const hook = received.find((r) => r.path === '/hook');
    expect(hook?.body).toEqual({
      event: 'citizen.status',
      code: notice.code,
      status: 'resolved',
      text: notice.text,
      at: at.toISOString(),
    });
    expect(received.find((r) => r.path === '/sms')?.body).toEqual({
      to: '0905111222',
      text: notice.text,
    });
  });

  it('sends no SMS without a phone, and a dead endpoint never makes the step fail', async () => {
    received.length = 0;
    await residentNotifier({ webhookUrl: `${base}/hook`, smsUrl: `${base}/sms` }).notify({
      ...notice,
      phone: null,
    });
    expect(received.map((r) => r.path)).toEqual(['/hook']);
    await expect(
      residentNotifier({
        webhookUrl: 'http://127.0.0.1:1/hook',
        smsUrl: 'http://127.0.0.1:1/sms',
      }).notify(notice),
    ).resolves.toBeUndefined();
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsGateway } from './sms-gateway';

describe('the SMS/Zalo gateway by body template', () => {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200).end('{}');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/sms`;
  });
  afterAll(() => {
    server.close();
  });

  const fields = {
    text: '[IOC] Nghiêm trọng: Mực nước "vượt" báo động II\nxem ngay',
    alertId: 'a1',
    severity: 'critical' as const,
    what: 'Mực nước',
    unitCode: '20314',
    deviceId: 'wl-1',
    value: '1.75',
    link: '/tablet#canh-bao-a1',
  };

  it('posts the rendered template, values escaped for JSON', async () => {
    const sender = smsGateway({
      SMS_GATEWAY_URL: url,
      SMS_GATEWAY_TEMPLATE:
        '{"phone":"{{phone}}","template_id":"42","template_data":{"ma":"{{alertId}}","noi_dung":"{{text}}","gia_tri":"{{value}}"}}',
    });
    const r = await sender?.send('+84912345678', fields);
    expect(r).toEqual({ ok: true, error: null });
    expect(bodies.at(-1)).toEqual({
      phone: '+84912345678',
      template_id: '42',
      template_data: { ma: 'a1', noi_dung: fields.text, gia_tri: '1.75' },
    });
  });

  it('reports a template that does not make JSON instead of sending', async () => {
    const sender = smsGateway({ SMS_GATEWAY_URL: url, SMS_GATEWAY_TEMPLATE: '{"to": {{phone}} ' });
    const r = await sender?.send('+84912345678', fields);
    expect(r?.ok).toBe(false);
    expect(r?.error).toMatch(/^template: /);
  });

  it('is off without a URL', () => {
    expect(smsGateway({ SMS_GATEWAY_TEMPLATE: '{}' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { AlertView } from '../alerts/alert-view';
import { assignmentNotices } from './assignment-notices';
import { DEFAULT_PREFERENCES } from './personal-policy';

const alert: AlertView = {
  id: 'a1',
  ruleId: 'r1',
  ruleName: 'Mực nước vượt báo động II',
  deviceId: 'wl-1',
  unitCode: '20314',
  status: 'acknowledged',
  severity: 'critical',
  level: null,
  value: 1.75,
  message: 'Mực nước = 1,75 m',
  assignee: 'user:lan',
  openedAt: '2026-03-01T15:00:00.000Z',
  acknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  reopenedAt: null,
  lastValueAt: null,
  escalations: 0,
  escalatedAt: null,
  updatedAt: '2026-03-01T15:00:00.000Z',
  lon: null,
  lat: null,
};
const noon = new Date('2026-03-01T05:00:00Z');
const lateNight = new Date('2026-03-01T16:30:00Z');
const all = { email: true, push: true };
const lan = (prefs = DEFAULT_PREFERENCES) => ({
  name: 'Nguyễn Thị Lan',
  emails: ['lan@hoaxuan.gov.vn'],
  person: {
    preferences: prefs,
    pushEndpoints: ['https://push.example/1', 'https://push.example/2'],
    phone: '+84912345678',
  },
});

describe('what an assignment queues', () => {
  it('mails an office at once, with an absolute link when the public URL is known', () => {
    const out = assignmentNotices(
      alert,
      { name: 'Phòng Kinh tế', emails: ['kt@hoaxuan.gov.vn'], person: null },
      { ...all, publicUrl: 'https://ioc.danang.gov.vn/' },
      noon,
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ channel: 'email', target: 'kt@hoaxuan.gov.vn', dueAt: noon });
    const mail = (out[0]?.payload as { mail: { text: string } }).mail;
    expect(mail.text).toContain('https://ioc.danang.gov.vn/tablet#canh-bao-a1');
  });

  it('tells a person on every channel and device', () => {
    const out = assignmentNotices(alert, lan(), all, noon);
    expect(out.map((n) => `${n.channel} ${n.target}`)).toEqual([
      'email lan@hoaxuan.gov.vn',
      'push https://push.example/1',
      'push https://push.example/2',
    ]);
    expect((out[1]?.payload as { push: { url: string } }).push.url).toBe('/tablet#canh-bao-a1');
  });

  it('texts the phone through the gateway only when the person turned SMS on', () => {
    const gateway = { ...all, sms: true };
    expect(assignmentNotices(alert, lan(), gateway, noon).some((n) => n.channel === 'sms')).toBe(
      false,
    );
    const out = assignmentNotices(alert, lan({ ...DEFAULT_PREFERENCES, sms: true }), gateway, noon);
    const sms = out.find((n) => n.channel === 'sms');
    expect(sms?.target).toBe('+84912345678');
    expect((sms?.payload as { sms: { text: string } }).sms.text).toMatch(
      /^\[IOC\] Nghiêm trọng: .*\/tablet#canh-bao-a1$/,
    );
  });

  it('queues no e-mail without SMTP and no push without VAPID keys', () => {
    expect(assignmentNotices(alert, lan(), { email: false, push: false }, noon)).toEqual([]);
  });

  it('holds a critical alert in quiet hours until they end', () => {
    const prefs = { ...DEFAULT_PREFERENCES, quietHours: { start: 22 * 60, end: 6 * 60 } };
    const out = assignmentNotices(alert, lan(prefs), all, lateNight);
    expect(out.every((n) => n.dueAt?.toISOString() === '2026-03-01T23:00:00.000Z')).toBe(true);
    expect(out.every((n) => (n.payload as { held: boolean }).held)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { alertHeadline, openForText, ownerText } from './alertText';

const vi = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('vi', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en', key, p);

describe('alert texts', () => {
  const opened = '2026-12-06T08:00:00.000Z';
  const at = (min: number) => Date.parse(opened) + min * 60_000;

  it('says how long an alert has been open, to the minute', () => {
    expect(openForText(vi, opened, at(17.9))).toBe('mở 17 phút');
    expect(openForText(vi, opened, at(125))).toBe('mở 2 giờ 5 phút');
    expect(openForText(vi, opened, at(3 * 1440 + 4 * 60 + 59))).toBe('mở 3 ngày 4 giờ');
    expect(openForText(en, opened, at(17))).toBe('open 17 min');
    // A clock a little behind the server's never shows a negative age.
    expect(openForText(vi, opened, at(-2))).toBe('mở 0 phút');
  });

  it('names the owner: an office by name where known, a person by user name', () => {
    const offices = new Map([['20314.vp', 'Văn phòng HĐND và UBND']]);
    expect(ownerText('department:20314.vp', offices)).toBe('Văn phòng HĐND và UBND');
    expect(ownerText('department:48.so-tnmt', offices)).toBe('48.so-tnmt');
    expect(ownerText('user:op.haichau', offices)).toBe('op.haichau');
    expect(ownerText(null, offices)).toBeNull();
  });
});

describe('alertHeadline', () => {
  it("leads with the reading against its threshold, after the rule's name", () => {
    expect(
      alertHeadline('Ngập sông Hàn: Báo động II — Mực nước = 2,6 m (mức ≥ 2,5 m)', 'Ngập sông Hàn'),
    ).toBe('Báo động II — Mực nước = 2,6 m (mức ≥ 2,5 m)');
  });

  it('shows a message of any other shape whole', () => {
    expect(alertHeadline('Nhiệm vụ quá hạn 3 ngày', 'Nhiệm vụ')).toBe('Nhiệm vụ quá hạn 3 ngày');
    expect(alertHeadline('Bụi mịn: ', 'Bụi mịn')).toBe('Bụi mịn: ');
    expect(alertHeadline('Bụi mịn: x', null)).toBe('Bụi mịn: x');
  });
});

import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../shared/i18n/format';
import {
  translate,
  type Lang,
  type MessageKey,
  type MessageParams,
} from '../../../shared/i18n/translate';
import type { TabletIndicator } from '../model/api';
import {
  formatAge,
  formatPeriod,
  formatRule,
  formatStamp,
  formatTarget,
  formatValue,
  shortTitle,
} from './format';

const fmt = (lang: Lang) => ({
  t: (key: MessageKey, params?: MessageParams) => translate(lang, key, params),
  num: (v: number, d?: number, fixed?: boolean) => formatNumber(lang, v, d, fixed),
});
const vi = fmt('vi');
const en = fmt('en');

const indicator = (over: Partial<TabletIndicator>): TabletIndicator => ({
  code: 'dx.vneid_accounts',
  nameVi: 'VNeID',
  nameEn: 'VNeID',
  domain: 'digital_transformation',
  unit: 'percent',
  direction: 'higher_is_better',
  status: 'on_track',
  value: 81.95,
  period: '2026-10',
  used: 'own',
  expectation: null,
  trend: [],
  trendDirection: null,
  report: null,
  ...over,
});

describe('tablet formatting', () => {
  it('writes figures in the indicator’s unit with a decimal comma', () => {
    expect(formatValue(42.77, 'percent', vi)).toBe('42,8%');
    expect(formatValue(42.77, 'percent', en)).toBe('42.8%');
    expect(formatValue(5, 'rank', vi)).toBe('hạng 5');
    expect(formatValue(1234, 'count', vi)).toBe('1.234');
    expect(formatValue(0.7123, 'index', vi)).toBe('0,712');
    expect(formatValue(1, 'milestone', vi)).toBe('Đã hoàn thành');
    expect(formatValue(0, 'milestone', vi)).toBe('Chưa hoàn thành');
    expect(formatValue(3.5, 'per_10k_people', vi)).toBe('3,5 trên 1 vạn dân');
  });

  it('writes expectations', () => {
    expect(formatRule({ op: '>=', value: 56 }, 'percent', vi)).toBe('≥ 56%');
    expect(formatRule({ op: '<=', value: 10 }, 'rank', vi)).toBe('≤ hạng 10');
    expect(formatRule({ op: 'between', min: 35, max: 40 }, 'percent', vi)).toBe('35% – 40%');
    expect(formatRule({ op: 'reached' }, 'milestone', vi)).toBe('hoàn thành');
    expect(formatRule({ op: '=', value: 100 }, 'percent', vi)).toBe('100%');
  });

  it('says where this year’s target comes from', () => {
    const interpolated = indicator({
      expectation: {
        expected: { op: '>=', value: 56 },
        basis: 'interpolated',
        targetYear: 2030,
        target: { op: '>=', value: 80 },
        source: 'DN-KH122-2025',
      },
    });
    expect(formatTarget(interpolated, 2026, vi)).toBe(
      'Chỉ tiêu 2026: ≥ 56% (nội suy tới mốc 2030: ≥ 80%)',
    );
    expect(formatTarget(interpolated, 2026, en)).toBe(
      '2026 target: ≥ 56% (interpolated towards 2030: ≥ 80%)',
    );
    const own = indicator({
      expectation: {
        expected: { op: '>=', value: 50 },
        basis: 'target',
        targetYear: 2026,
        target: { op: '>=', value: 50 },
        source: null,
      },
    });
    expect(formatTarget(own, 2026, vi)).toBe('Chỉ tiêu 2026: ≥ 50%');
    expect(formatTarget(indicator({}), 2026, vi)).toBe('Chưa có chỉ tiêu cho năm nay');
  });

  it('names periods and ages in Vietnamese', () => {
    expect(formatPeriod('2026-10', vi)).toBe('tháng 10/2026');
    expect(formatPeriod('2026-Q3', vi)).toBe('quý 3/2026');
    expect(formatPeriod('2026', vi)).toBe('năm 2026');
    const t = Date.parse('2026-11-22T07:05:00Z');
    expect(formatAge(t, t + 12 * 60_000, vi)).toBe('cách đây 12 phút');
    expect(formatAge(t, t + 10_000, vi)).toBe('vừa xong');
    expect(formatAge(t, t + 2 * 3_600_000, vi)).toBe('cách đây 2 giờ');
    // 07:05 UTC is 14:05 in Vietnam.
    expect(formatStamp(t)).toBe('14:05 22/11/2026');
    expect(
      translate('vi', 'tablet.offline.badge', {
        time: formatStamp(t),
        age: formatAge(t, t + 12 * 60_000, vi),
      }),
    ).toBe('Ngoại tuyến — số liệu lúc 14:05 22/11/2026, cách đây 12 phút');
  });

  it('shortens official plan titles', () => {
    expect(
      shortTitle(
        'Kế hoạch số 122/KH-UBND ngày 16/10/2025 triển khai thực hiện Kế hoạch hành động số 21-KH/TU',
      ),
    ).toBe('Kế hoạch số 122/KH-UBND');
    expect(shortTitle('Da Nang Plan No. 122/KH-UBND (16 Oct 2025) implementing …')).toBe(
      'Da Nang Plan No. 122/KH-UBND',
    );
    expect(shortTitle('x'.repeat(200)).length).toBe(80);
  });
});

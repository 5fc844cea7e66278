import { describe, expect, it } from 'vitest';
import { dataset } from '../testing/fixtures';
import { matchDatasets } from './search';

const air = dataset({
  id: 'metric.pm25',
  kind: 'metric',
  titleVi: 'Bụi mịn PM2.5 theo giờ',
  titleEn: 'Fine dust PM2.5, hourly',
  descriptionVi: 'Chất lượng không khí tại các trạm quan trắc',
});
const people = dataset({
  id: 'indicator.dan_so',
  titleVi: 'Dân số trung bình',
  titleEn: 'Average population',
  keywords: ['nhân khẩu'],
});
const wards = dataset({
  id: 'boundaries.48',
  kind: 'boundaries',
  titleVi: 'Ranh giới phường, xã Đà Nẵng',
  titleEn: 'Ward boundaries of Đà Nẵng',
});
const all = [air, people, wards];

describe('matchDatasets', () => {
  it('returns every dataset, in order, for an empty or blank query', () => {
    expect(matchDatasets(all, '')).toEqual(all);
    expect(matchDatasets(all, '   ')).toEqual(all);
  });

  it('ignores diacritics and case, and đ matches d', () => {
    expect(matchDatasets(all, 'chat luong khong khi').map((d) => d.id)).toEqual(['metric.pm25']);
    expect(matchDatasets(all, 'DÂN SỐ').map((d) => d.id)).toEqual(['indicator.dan_so']);
    expect(matchDatasets(all, 'da nang').map((d) => d.id)).toEqual(['boundaries.48']);
  });

  it('needs every word, found in any field (English title, keywords, id)', () => {
    expect(matchDatasets(all, 'population nhan').map((d) => d.id)).toEqual(['indicator.dan_so']);
    expect(matchDatasets(all, 'pm2.5 hourly').map((d) => d.id)).toEqual(['metric.pm25']);
    expect(matchDatasets(all, 'pm2.5 population')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { laterWatermark, watermarkTime } from './watermark';

describe('watermark', () => {
  it('reads ISO with offset, bare local time as UTC+7 and epoch values', () => {
    expect(watermarkTime('2026-03-01T00:00:00Z')).toBe(Date.UTC(2026, 2, 1));
    expect(watermarkTime('2026-03-01T07:00:00')).toBe(Date.UTC(2026, 2, 1));
    expect(watermarkTime('2026-03-01 07:00:00')).toBe(Date.UTC(2026, 2, 1));
    expect(watermarkTime('1772323200')).toBe(1772323200000);
    expect(watermarkTime(1772323200000)).toBe(1772323200000);
    expect(watermarkTime('hôm qua')).toBeNull();
  });

  it('keeps the later value in the source spelling and ignores what is not a time', () => {
    expect(laterWatermark(null, '2026-03-01T08:00:00+07:00')).toBe('2026-03-01T08:00:00+07:00');
    expect(laterWatermark('2026-03-01T08:00:00+07:00', '2026-03-01T01:30:00Z')).toBe(
      '2026-03-01T01:30:00Z',
    );
    expect(laterWatermark('2026-03-01T08:00:00+07:00', '2026-02-01T00:00:00Z')).toBe(
      '2026-03-01T08:00:00+07:00',
    );
    expect(laterWatermark('2026-03-01T08:00:00+07:00', 'garbage')).toBe(
      '2026-03-01T08:00:00+07:00',
    );
  });
});

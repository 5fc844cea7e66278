/**
 * The metric catalogue as screens read it (issue 20.3): every metric ingest accepts is listed
 * with both names, printed units, decimals and, where a national regulation sets one, its limit
 * and basis; readers (a wall's display token too) may read it, nobody unsigned may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricListResponse, type MetricInfo } from '@ioc/contracts';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('GET /api/v1/metrics', () => {
  let platform: TestPlatform;
  let items: MetricInfo[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    const res = await platform.api('/api/v1/metrics');
    expect(res.status).toBe(200);
    items = metricListResponse.parse(await res.json()).items;
  });

  afterAll(async () => {
    await platform.dispose();
  });

  const byCode = (code: string): MetricInfo => {
    const found = items.find((m) => m.code === code);
    if (!found) throw new Error(`${code} is not in the catalogue`);
    return found;
  };

  it('lists every metric ingest checks readings against, each with both names and units', () => {
    expect(items.map((m) => m.code).sort()).toEqual(
      platform.ctx.catalogue
        .all()
        .map((m) => m.code)
        .sort(),
    );
    expect(items.length).toBeGreaterThan(20);
    for (const m of items) {
      expect(m.nameVi.trim(), m.code).not.toBe('');
      expect(m.nameEn.trim(), m.code).not.toBe('');
      expect(m.nameVi, m.code).not.toBe(m.code);
      // On/off metrics print a word, not a unit; every other metric has its unit in both.
      if (m.uom === 'bool') expect([m.unitVi, m.unitEn, m.decimals]).toEqual(['', '', 0]);
      else expect(m.unitVi !== '' && m.unitEn !== '', m.code).toBe(true);
    }
  });

  it('prints units and decimals as people read them', () => {
    expect(byCode('vehicle_count')).toMatchObject({
      unitVi: 'xe',
      unitEn: 'vehicles',
      decimals: 0,
    });
    expect(byCode('water_level')).toMatchObject({ nameVi: 'Mực nước', unitVi: 'm', decimals: 2 });
    expect(byCode('co')).toMatchObject({ nameVi: 'Cacbon mônôxít (CO)', decimals: 0 });
  });

  it('carries the national limits with their basis, and none where no regulation sets one', () => {
    expect(byCode('co').limit).toEqual({
      value: 30000,
      basisVi: 'QCVN 05:2023/BTNMT, trung bình 1 giờ',
      basisEn: 'QCVN 05:2023/BTNMT, 1-hour average',
    });
    expect(byCode('pm25').limit?.value).toBe(50);
    expect(byCode('pm25').limit?.basisVi).toContain('24 giờ');
    expect(byCode('noise_laeq').limit?.basisVi).toContain('QCVN 26:2010/BTNMT');
    expect(byCode('water_level').limit).toBeNull();
    expect(byCode('temperature').limit).toBeNull();
  });

  it('is readable with a display token and closed to an unsigned caller', async () => {
    const display = await platform.displayToken('48');
    const withDisplay = await platform.api('/api/v1/metrics', {}, display);
    expect(withDisplay.status).toBe(200);
    const unsigned = await fetch(`${platform.httpUrl}/api/v1/metrics`);
    expect(unsigned.status).toBe(401);
  });
});

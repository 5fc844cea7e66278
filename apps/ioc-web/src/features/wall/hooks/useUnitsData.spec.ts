// @vitest-environment jsdom
import type { UnitSummary } from '@ioc/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { loadUnitsData } from './useUnitsData';

function unit(code: string, level: UnitSummary['level'], parentCode: string | null): UnitSummary {
  return {
    code,
    name: `Phường ${code}`,
    shortName: code,
    nameEn: null,
    level,
    parentCode,
    label: [108.2, 16.0],
    areaKm2: 3,
    population: null,
    approximate: false,
  };
}

/** A square a tenth of a degree wide at column `i`, so neighbours share an edge. */
function feature(code: string, i: number) {
  const x = 108 + i * 0.1;
  return {
    type: 'Feature',
    id: code,
    properties: {
      code,
      name: `Phường ${code}`,
      shortName: code,
      nameEn: null,
      level: 'ward',
      approximate: false,
      labelLon: x + 0.05,
      labelLat: 16.05,
    },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [x, 16],
            [x + 0.1, 16],
            [x + 0.1, 16.1],
            [x, 16.1],
            [x, 16],
          ],
        ],
      ],
    },
  };
}

const PROVINCE_MAP = {
  type: 'FeatureCollection',
  band: 'mid',
  features: ['20001', '20002', '20003', '20004'].map((c, i) => feature(c, i)),
};
const EMPTY_MAP = { type: 'FeatureCollection', band: 'mid', features: [] };
const list = (items: UnitSummary[]) => ({ asOf: '2026-12-07T03:00:00.000Z', items });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadUnitsData', () => {
  it("a province wall reports on the province's wards, with nothing drawn around them", async () => {
    const calls = stubFetch(
      on('GET', '/api/v1/units/48', { body: unit('48', 'province', null) }),
      on('GET', '/api/v1/units', {
        body: list(['20001', '20002', '20003', '20004'].map((c) => unit(c, 'ward', '48'))),
      }),
      on('GET', '/api/v1/units/48/map', { body: PROVINCE_MAP }),
    );
    const data = await loadUnitsData('48');
    expect([...data.children.keys()]).toEqual(['20001', '20002', '20003', '20004']);
    expect(data.wards?.map((f) => f.properties.code)).toEqual(['20001', '20002', '20003', '20004']);
    expect(data.context).toEqual([]);
    // At any resolution: the mid band's 35 m is about a pixel even on a 4K province wall.
    expect(calls.map((c) => c.url)).toContain('/api/v1/units/48/map?band=mid');
  });

  it("a ward's own wall frames the ward and draws only its neighbours around it", async () => {
    const calls = stubFetch(
      on('GET', '/api/v1/units/20002', { body: unit('20002', 'ward', '48') }),
      on('GET', '/api/v1/units', { body: list([]) }),
      on('GET', '/api/v1/units/20002/map', { body: EMPTY_MAP }),
      on('GET', '/api/v1/units/48/map', { body: PROVINCE_MAP }),
      on('GET', '/api/v1/units/20002/neighbours', {
        body: { code: '20002', items: [unit('20001', 'ward', '48'), unit('20003', 'ward', '48')] },
      }),
    );
    const data = await loadUnitsData('20002');
    expect([...data.children.keys()]).toEqual(['20002']);
    expect(data.wards?.map((f) => f.properties.code)).toEqual(['20002']);
    expect(data.context.map((f) => f.properties.code)).toEqual(['20001', '20003']);
    // The province's map, at the detail a ward-sized view needs: shared borders match exactly.
    expect(calls.some((c) => c.url === '/api/v1/units/48/map?band=high')).toBe(true);
  });
});

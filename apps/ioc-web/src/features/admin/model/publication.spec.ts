import type { PublicationState } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import {
  effectiveDevicePublic,
  entriesOf,
  filterDevices,
  filterIndicators,
  roundingDistance,
  shownValue,
  withChanges,
  type PublicDevice,
} from './publication';

function device(over: Partial<PublicDevice> & Pick<PublicDevice, 'id' | 'kind'>): PublicDevice {
  return { name: null, unitCode: null, own: null, public: false, ...over };
}

const state: PublicationState = {
  settings: {
    positionDecimals: 3,
    licenceId: 'CC-BY-4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    updatedAt: null,
    updatedBy: null,
  },
  deviceKinds: [
    { key: 'air', devices: 2, public: true },
    { key: 'vessel', devices: 1, public: false },
  ],
  devices: [
    device({ id: 'air-01', kind: 'air', name: 'Trạm Hòa Xuân', unitCode: '20314', public: true }),
    device({ id: 'air-02', kind: 'air', own: false, unitCode: '20194', public: false }),
    device({ id: 'ship-1', kind: 'vessel', own: true, name: 'Tàu cá QNa', public: true }),
    // Public by its kind's rule, yet the server keeps it off (decommissioned).
    device({ id: 'air-old', kind: 'air', public: false }),
  ],
  metrics: [{ code: 'pm25', nameVi: 'Bụi mịn', nameEn: 'PM2.5', uom: 'µg/m³', public: false }],
  indicators: [
    { code: 'dan_so', nameVi: 'Dân số', nameEn: 'Population', public: true },
    { code: 'ty_le_ho_ngheo', nameVi: 'Tỷ lệ hộ nghèo', nameEn: 'Poverty rate', public: false },
  ],
};

describe('the draft', () => {
  it('keeps only switches that differ from the server', () => {
    let d = withChanges(state, new Map(), [
      { subject: 'indicator', key: 'dan_so', public: false },
      { subject: 'metric', key: 'pm25', public: true },
    ]);
    expect(d.size).toBe(2);
    d = withChanges(state, d, [{ subject: 'indicator', key: 'dan_so', public: true }]);
    expect(entriesOf(d)).toEqual([{ subject: 'metric', key: 'pm25', public: true }]);
    expect(shownValue(state, d, 'metric', 'pm25')).toBe(true);
    expect(shownValue(state, d, 'indicator', 'dan_so')).toBe(true);
  });

  it('lets a device follow its kind again (null) and lists kinds first', () => {
    const d = withChanges(state, new Map(), [
      { subject: 'device', key: 'ship-1', public: null },
      { subject: 'device_kind', key: 'vessel', public: true },
    ]);
    expect(entriesOf(d)).toEqual([
      { subject: 'device_kind', key: 'vessel', public: true },
      { subject: 'device', key: 'ship-1', public: null },
    ]);
    expect(shownValue(state, d, 'device', 'ship-1')).toBeNull();
  });
});

describe('effectiveDevicePublic', () => {
  const [byKind, ownOff, ship, old] = state.devices as [
    PublicDevice,
    PublicDevice,
    PublicDevice,
    PublicDevice,
  ];

  it('is the device’s own switch, else its kind’s, with the draft applied', () => {
    const none = new Map<string, boolean | null>();
    expect(effectiveDevicePublic(state, none, byKind)).toBe(true);
    expect(effectiveDevicePublic(state, none, ownOff)).toBe(false);
    const kindOff = withChanges(state, none, [
      { subject: 'device_kind', key: 'air', public: false },
    ]);
    expect(effectiveDevicePublic(state, kindOff, byKind)).toBe(false);
    const follow = withChanges(state, none, [{ subject: 'device', key: 'ship-1', public: null }]);
    expect(effectiveDevicePublic(state, follow, ship)).toBe(false);
  });

  it('never shows public what the server keeps off for another reason', () => {
    const on = withChanges(state, new Map(), [{ subject: 'device', key: 'air-old', public: true }]);
    expect(effectiveDevicePublic(state, on, old)).toBe(false);
  });
});

describe('filters', () => {
  it('finds devices by id or name without diacritics, by kind and unit', () => {
    const ids = (f: Parameters<typeof filterDevices>[1]) =>
      filterDevices(state.devices, f).map((d) => d.id);
    expect(ids({ query: 'hoa xuan', kind: '', units: null })).toEqual(['air-01']);
    expect(ids({ query: '', kind: 'air', units: null })).toEqual(['air-01', 'air-02', 'air-old']);
    expect(ids({ query: '', kind: '', units: new Set(['20194']) })).toEqual(['air-02']);
    expect(ids({ query: 'TÀU', kind: 'vessel', units: null })).toEqual(['ship-1']);
  });

  it('finds indicators by code or either name', () => {
    expect(filterIndicators(state.indicators, 'ho ngheo').map((i) => i.code)).toEqual([
      'ty_le_ho_ngheo',
    ]);
    expect(filterIndicators(state.indicators, 'population').map((i) => i.code)).toEqual(['dan_so']);
    expect(filterIndicators(state.indicators, ' ')).toHaveLength(2);
  });
});

describe('roundingDistance', () => {
  it('is about 111 km at 0 decimals and a tenth of that per decimal', () => {
    expect(roundingDistance(0)).toEqual({ value: expect.closeTo(111.32, 2), unit: 'km' });
    expect(roundingDistance(3)).toEqual({ value: expect.closeTo(111.32, 2), unit: 'm' });
    expect(roundingDistance(5)).toEqual({ value: expect.closeTo(1.1132, 4), unit: 'm' });
    expect(roundingDistance(7)).toEqual({ value: expect.closeTo(1.1132, 4), unit: 'cm' });
  });
});

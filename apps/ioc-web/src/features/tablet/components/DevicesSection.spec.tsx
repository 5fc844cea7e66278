// @vitest-environment jsdom
import type { DeviceView } from '@ioc/contracts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { resetMetricCatalogue } from '../../../shared/metrics/metricCatalogue';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { DevicesSection } from './DevicesSection';

const now = Date.parse('2026-03-05T02:00:00.000Z');
const device = (id: string, lastSeen: string | null): DeviceView => ({
  id,
  kind: 'air_quality',
  unitCode: '20194',
  lon: 108.2,
  lat: 16.05,
  lastSeen,
  latest: {},
});

describe('DevicesSection', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    resetMetricCatalogue();
    vi.unstubAllGlobals();
  });

  it('tells a device never heard from apart from one that lost its signal', () => {
    render(
      <DevicesSection
        unitCode="20194"
        now={now}
        devices={[
          device('aq-online', '2026-03-05T01:59:00.000Z'),
          device('aq-lost', '2026-03-04T20:00:00.000Z'),
          device('aq-new', null),
        ]}
      />,
    );
    const state = (id: string) =>
      document.querySelector(`[data-device-id="${id}"] .tablet-device-state`)?.textContent;
    expect(state('aq-online')).toBe('Đang hoạt động');
    expect(state('aq-lost')).toBe('Mất kết nối');
    expect(state('aq-new')).toBe('Chưa kết nối');
    expect(screen.getAllByTestId('device').map((li) => li.getAttribute('data-state'))).toContain(
      'never',
    );
  });

  const catalogue = {
    items: [
      {
        code: 'co',
        nameVi: 'Cacbon mônôxít (CO)',
        nameEn: 'Carbon monoxide (CO)',
        category: 'air',
        uom: 'µg/m³',
        unitVi: 'µg/m³',
        unitEn: 'µg/m³',
        decimals: 0,
        min: 0,
        max: 100000,
        limit: { value: 30000, basisVi: 'QCVN 05:2023/BTNMT, trung bình 1 giờ', basisEn: 'x' },
      },
      {
        code: 'water_level',
        nameVi: 'Mực nước',
        nameEn: 'Water level',
        category: 'water',
        uom: 'm',
        unitVi: 'm',
        unitEn: 'm',
        decimals: 2,
        min: -10,
        max: 50,
        limit: null,
      },
      {
        code: 'pm25',
        nameVi: 'Bụi PM2.5',
        nameEn: 'PM2.5',
        category: 'air',
        uom: 'µg/m³',
        unitVi: 'µg/m³',
        unitEn: 'µg/m³',
        decimals: 0,
        min: 0,
        max: 1000,
        limit: { value: 50, basisVi: 'QCVN 05:2023/BTNMT, trung bình 24 giờ', basisEn: 'x' },
      },
    ],
  };
  const withValues: DeviceView = {
    ...device('aq-values', '2026-03-05T01:59:00.000Z'),
    latest: {
      co: { value: 833.4, time: '2026-03-05T01:59:00.000Z' },
      water_level: { value: 0.756, time: '2026-03-05T01:59:00.000Z' },
      pm25: { value: 61.5, time: '2026-03-05T01:59:00.000Z' },
    },
  };

  it('names each value from the metric catalogue, with its unit, decimals and limit', async () => {
    const calls = stubFetch(on('GET', '/api/v1/metrics', { body: catalogue }));
    render(<DevicesSection now={now} unitCode="20194" devices={[withValues]} />);
    await waitFor(() => {
      expect(document.querySelector('[data-metric="co"] dt')?.textContent).toBe(
        'Cacbon mônôxít (CO)',
      );
    });
    const row = (m: string) => document.querySelector(`[data-metric="${m}"]`);
    expect(row('co')?.querySelector('dd')?.textContent).toBe('833 µg/m³');
    expect(row('water_level')?.querySelector('dt')?.textContent).toBe('Mực nước');
    expect(row('water_level')?.querySelector('dd')?.textContent).toBe('0,76 m');
    // 61.5 µg/m³ of PM2.5 is over the 24-hour limit: said in words, with the basis on hover.
    expect(row('pm25')?.classList.contains('is-over')).toBe(true);
    expect(row('pm25')?.querySelector('dd')?.textContent).toBe('62 µg/m³Vượt ngưỡng');
    expect(row('pm25')?.getAttribute('title')).toBe(
      'Ngưỡng 50 µg/m³ (QCVN 05:2023/BTNMT, trung bình 24 giờ)',
    );
    expect(row('co')?.classList.contains('is-over')).toBe(false);
    // Sorted by name, not by code: Bụi…, Cacbon…, Mực nước.
    expect(
      [...document.querySelectorAll('[data-metric]')].map((e) => e.getAttribute('data-metric')),
    ).toEqual(['pm25', 'co', 'water_level']);
    expect(calls.filter((c) => c.url === '/api/v1/metrics')).toHaveLength(1);
  });

  it('never prints a code while the catalogue is loading', () => {
    stubFetch(() => new Promise<never>(() => undefined));
    render(<DevicesSection now={now} unitCode="20194" devices={[withValues]} />);
    const names = [...document.querySelectorAll('[data-metric] dt')].map((e) => e.textContent);
    expect(names).toEqual(['…', '…', '…']);
    expect(document.querySelector('.tablet-device-values')?.getAttribute('aria-busy')).toBe('true');
  });

  it("opens the ward's history and each reporting device's, never a silent one's", () => {
    stubFetch(() => new Promise<never>(() => undefined));
    render(
      <DevicesSection
        now={now}
        unitCode="20194"
        devices={[withValues, device('aq-never', null)]}
      />,
    );
    expect(screen.getByTestId('ward-history-open').getAttribute('href')).toBe(
      '/tablet/history/ward/20194',
    );
    const links = screen.getAllByTestId('device-history-open');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/tablet/history/device/${withValues.id}`,
    ]);
  });
});

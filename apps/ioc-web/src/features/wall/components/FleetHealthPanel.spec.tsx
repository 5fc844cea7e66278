// @vitest-environment jsdom
import type { FleetDevice } from '@ioc/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFleet } from '../../../shared/api/schemas';
import { setLang } from '../../../shared/i18n/langStore';
import { FleetHealthPanel, lowBatteryByKind } from './FleetHealthPanel';

const fleet = (never: number) =>
  parseFleet({
    asOf: '2026-03-05T02:00:00.000Z',
    summary: { key: '48', online: 7, late: 1, offline: 2, never, total: 10 + never },
    byKind: [{ key: 'air_quality', online: 7, late: 1, offline: 2, never, total: 10 + never }],
    devices: [],
  });

describe('FleetHealthPanel', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(cleanup);

  it('counts devices never heard from apart from those that lost their signal', () => {
    render(<FleetHealthPanel fleet={fleet(3)} asOf={null} stale={false} kindRows={4} />);
    expect(screen.getByTestId('fleet-offline').textContent).toBe('2');
    expect(screen.getByTestId('fleet-never').textContent).toBe('3Chưa kết nối');
    // Per kind, "Mất tín hiệu" is the lost ones only.
    const row = document.querySelector('tr[data-kind="air_quality"]');
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      'Quan trắc không khí',
      '8',
      '2',
      '0',
    ]);
  });

  it('shows no never-heard row when every device has reported', () => {
    render(<FleetHealthPanel fleet={fleet(0)} asOf={null} stale={false} kindRows={4} />);
    expect(screen.queryByTestId('fleet-never')).toBeNull();
  });
});

const device = (id: string, kind: string, battery?: number): FleetDevice => ({
  id,
  name: null,
  kind,
  unitCode: null,
  status: 'online',
  lastSeen: null,
  silentS: null,
  expectedIntervalS: 300,
  uptime: { numerator: 0, denominator: 0, ratio: null },
  health: battery === undefined ? {} : { battery: { value: battery, time: '' } },
});

describe('lowBatteryByKind', () => {
  it('counts devices under 20 % per kind, ignoring those that report no battery', () => {
    const counts = lowBatteryByKind([
      device('a', 'air_quality', 5),
      device('b', 'air_quality', 19.9),
      device('c', 'air_quality', 20),
      device('d', 'water_level', 3),
      device('e', 'water_level'),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ air_quality: 2, water_level: 1 });
  });
});

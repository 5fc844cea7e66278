// @vitest-environment jsdom
import type { DeviceView } from '@ioc/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
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
  afterEach(cleanup);

  it('tells a device never heard from apart from one that lost its signal', () => {
    render(
      <DevicesSection
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
});

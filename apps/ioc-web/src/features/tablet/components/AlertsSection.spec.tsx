// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import type { TabletAlert } from '../model/api';
import { AlertsSection } from './AlertsSection';

const alert = (id: string, fields: Partial<TabletAlert>): TabletAlert => ({
  id,
  ruleName: 'PM2.5 cao',
  deviceId: null,
  unitCode: '20194',
  status: 'open',
  value: null,
  message: '',
  openedAt: '2026-03-05T01:00:00.000Z',
  severity: 'warning',
  ...fields,
});

describe('AlertsSection', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(cleanup);

  it('says so when nothing is open', () => {
    render(<AlertsSection alerts={[]} />);
    expect(screen.getByText('Không có cảnh báo đang mở trên địa bàn.')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('lists the most severe first, then the newest, with how many there are', () => {
    render(
      <AlertsSection
        alerts={[
          alert('old-warning', { openedAt: '2026-03-05T00:00:00.000Z', message: 'Cũ' }),
          alert('emergency', { severity: 'emergency', message: 'Ngập sâu 60 cm' }),
          alert('new-warning', { openedAt: '2026-03-05T02:00:00.000Z', message: 'Mới' }),
        ]}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe('Cảnh báo đang mở3');
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.tablet-alert-message')?.textContent)).toEqual([
      'Ngập sâu 60 cm',
      'Mới',
      'Cũ',
    ]);
    expect(within(items[0] as HTMLElement).getByText('Khẩn cấp')).toBeTruthy();
  });

  it('falls back to the rule name with the value in the reader’s number format, and names the device', () => {
    render(
      <AlertsSection
        alerts={[alert('a', { value: 180.25, deviceId: 'aq-07', status: 'acknowledged' })]}
      />,
    );
    const item = screen.getByRole('listitem');
    expect(item.querySelector('.tablet-alert-message')?.textContent).toBe('PM2.5 cao (180,3)');
    expect(within(item).getByText('Đã tiếp nhận')).toBeTruthy();
    expect(within(item).getByText(/Thiết bị aq-07/)).toBeTruthy();
  });
});

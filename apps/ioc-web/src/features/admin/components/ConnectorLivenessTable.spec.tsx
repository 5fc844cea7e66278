// @vitest-environment jsdom
import type { ConnectorLiveness } from '@ioc/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { ConnectorLivenessTable } from './ConnectorLivenessTable';

const now = Date.parse('2026-03-10T02:00:00.000Z');
const base: ConnectorLiveness = {
  id: 'dvc-lgsp',
  name: 'Hệ thống TTHC',
  department: 'Văn phòng UBND',
  paused: false,
  lastRunAt: '2026-03-10T01:55:00.000Z',
  lastStatus: 'succeeded',
  lastSuccessAt: '2026-03-10T01:48:00.000Z',
  lastError: null,
  recordsIn: 1250,
  recordsRejected: 3,
  lagSeconds: 5_400,
  fieldsAdded: ['TinhTrang'],
  fieldsRemoved: ['TrangThai'],
};

const cells = (id: string): Record<string, string> =>
  Object.fromEntries(
    [...document.querySelectorAll(`[data-id="${id}"] td[data-cell]`)].map(
      (td): [string, string] => [td.getAttribute('data-cell') ?? '', td.textContent],
    ),
  );

describe('ConnectorLivenessTable', () => {
  afterEach(() => {
    cleanup();
  });

  it('shows age, records, lag, drift and the last error — Vietnamese first', () => {
    setLang('vi');
    render(
      <ConnectorLivenessTable
        now={now}
        connectors={[
          base,
          {
            ...base,
            id: 'csv-so-tn',
            paused: true,
            lastStatus: 'failed',
            lastSuccessAt: null,
            lastError: 'HTTP 503 from source',
            lagSeconds: null,
            fieldsAdded: [],
            fieldsRemoved: [],
          },
        ]}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe(
      'Kết nối dữ liệu từ hệ thống các sở, ngành',
    );
    expect(cells('dvc-lgsp')).toEqual({
      state: 'Đang hoạt động',
      'last-success': '12 phút trước',
      records: '1.250 / 3',
      lag: '1 giờ',
      drift: 'Thêm: TinhTrang · Mất: TrangThai',
      error: '—',
    });
    expect(cells('csv-so-tn')).toMatchObject({
      state: 'Tạm dừng',
      'last-success': 'Chưa chạy',
      lag: '—',
      drift: 'Không đổi',
      error: 'HTTP 503 from source',
    });
  });

  it('speaks English too, and says when nothing is connected', () => {
    setLang('en');
    const { rerender } = render(
      <ConnectorLivenessTable now={now} connectors={[{ ...base, lastStatus: 'failed' }]} />,
    );
    expect(cells('dvc-lgsp')).toMatchObject({
      state: 'Last run failed',
      'last-success': '12 min ago',
      lag: '1 h',
    });
    rerender(<ConnectorLivenessTable now={now} connectors={[]} />);
    expect(screen.getByText('No connectors yet.')).toBeTruthy();
  });
});

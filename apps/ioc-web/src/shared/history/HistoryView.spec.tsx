// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/langStore';
import { resetMetricCatalogue } from '../metrics/metricCatalogue';
import { on, stubFetch } from '../testing/fetchStub';
import HistoryView from './HistoryView';

const NOW = Date.parse('2026-03-05T02:30:00.000Z');
const catalogue = {
  items: [
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
  ],
};

const bucket = (iso: string, mean: number) => ({
  metric: 'water_level',
  bucket: iso,
  n: 4,
  sum: mean * 4,
  min: mean - 0.05,
  max: mean + 0.05,
  mean,
});

const alert = {
  id: 'al-1',
  ruleId: 'r-1',
  ruleName: 'Ngập sông Hàn',
  deviceId: 'wl-1',
  unitCode: '20314',
  status: 'resolved',
  severity: 'warning',
  level: 1,
  value: 1.2,
  message: 'Ngập sông Hàn: Báo động I — Mực nước = 1,20 m (mức ≥ 1,00 m)',
  assignee: 'user:op.hoaxuan',
  openedAt: '2026-03-05T01:00:00.000Z',
  acknowledgedAt: '2026-03-05T01:05:00.000Z',
  resolvedAt: '2026-03-05T02:00:00.000Z',
  closedAt: null,
  reopenedAt: null,
  lastValueAt: '2026-03-05T01:00:00.000Z',
  escalations: 0,
  escalatedAt: null,
  updatedAt: '2026-03-05T02:00:00.000Z',
  lon: 108.2,
  lat: 16.0,
};

const auditRow = (id: number, at: string, action: string, detail: object = {}) => ({
  id,
  at,
  actor: action === 'open' ? 'rule-engine' : 'op.hoaxuan',
  actorKind: action === 'open' ? 'system' : 'user',
  action,
  targetKind: 'alert',
  targetId: 'al-1',
  unitCode: '20314',
  ip: null,
  detail,
});

function stubApi() {
  return stubFetch(
    on('GET', '/api/v1/metrics', { body: catalogue }),
    on('GET', '/api/v1/rollups', (c) => {
      const q = new URL(c.url, 'http://x').searchParams;
      const day = q.get('bucket') === '1d';
      return {
        body: {
          asOf: new Date(NOW).toISOString(),
          device: 'wl-1',
          bucket: q.get('bucket'),
          from: q.get('from'),
          to: q.get('to'),
          items: day
            ? [bucket('2026-03-03T17:00:00.000Z', 0.9), bucket('2026-03-04T17:00:00.000Z', 1.1)]
            : [
                bucket('2026-03-05T00:00:00.000Z', 0.8),
                bucket('2026-03-05T01:00:00.000Z', 1.2),
                bucket('2026-03-05T02:00:00.000Z', 1.3),
              ],
          nextCursor: null,
        },
      };
    }),
    on('GET', '/api/v1/alerts', {
      body: { asOf: new Date(NOW).toISOString(), items: [alert], nextCursor: null },
    }),
    on('GET', '/api/v1/alerts/al-1', {
      body: {
        ...alert,
        notes: [
          {
            id: 1,
            author: 'op.hoaxuan',
            text: 'Đã báo tổ dân phố',
            at: '2026-03-05T01:30:00.000Z',
          },
        ],
      },
    }),
    on('GET', '/api/v1/alerts/al-1/audit', {
      body: {
        asOf: new Date(NOW).toISOString(),
        items: [
          auditRow(1, '2026-03-05T01:00:00.000Z', 'open'),
          auditRow(2, '2026-03-05T01:05:00.000Z', 'acknowledge'),
          auditRow(3, '2026-03-05T01:10:00.000Z', 'assign', { assignee: 'user:op.hoaxuan' }),
          auditRow(4, '2026-03-05T01:30:00.000Z', 'note', { length: 17 }),
          auditRow(5, '2026-03-05T02:00:00.000Z', 'resolve', { reason: 'Nước đã rút' }),
        ],
      },
    }),
  );
}

describe('HistoryView', () => {
  beforeEach(() => {
    setLang('vi');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    cleanup();
    resetMetricCatalogue();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("charts a station's hours with its báo động levels, then its days", async () => {
    const calls = stubApi();
    render(
      <HistoryView
        variant="tablet"
        target={{ kind: 'device', id: 'wl-1' }}
        name="Trạm Cầu Rồng"
        metrics={['water_level']}
        alarmLevels={[1, 1.5, 2]}
      />,
    );
    await waitFor(() => {
      expect(screen.getAllByTestId('history-point')).toHaveLength(3);
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Lịch sử số đo — Trạm Cầu Rồng',
    );
    const labels = () => screen.getAllByTestId('history-threshold-label').map((e) => e.textContent);
    await waitFor(() => {
      expect(labels()).toEqual(['Báo động I: 1 m', 'Báo động II: 1,5 m']);
    });
    // Level III (2 m) is far above the readings: in the legend, not squashing the line.
    expect(screen.getByRole('list', { name: 'Ngưỡng' }).textContent).toContain('Báo động III: 2 m');
    const rollups = calls.filter((c) => c.url.startsWith('/api/v1/rollups'));
    expect(rollups[0]?.url).toContain('device=wl-1');
    expect(rollups[0]?.url).toContain('bucket=1h');

    fireEvent.click(screen.getByRole('button', { name: '30 ngày' }));
    await waitFor(() => {
      expect(screen.getAllByTestId('history-point')).toHaveLength(2);
    });
    expect(calls.filter((c) => c.url.startsWith('/api/v1/rollups')).at(-1)?.url).toContain(
      'bucket=1d',
    );
    expect(screen.getByRole('button', { name: '30 ngày' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('lists past alerts and opens one onto its timeline', async () => {
    stubApi();
    render(
      <HistoryView
        variant="wall"
        target={{ kind: 'ward', code: '20314' }}
        name="Phường Hoà Xuân"
        metrics={['water_level']}
      />,
    );
    const row = await screen.findByTestId('history-alert');
    expect(row.getAttribute('data-status')).toBe('resolved');
    expect(row.textContent).toContain('Đã xử lý');
    expect(row.textContent).toContain('Báo động I — Mực nước = 1,20 m');
    // Times in Vietnam: 01:00 UTC opened is 08:00 in Đà Nẵng.
    expect(row.textContent).toContain('Mở lúc 05/03/2026 08:00');
    fireEvent.click(within(row).getByRole('button', { name: 'Xem diễn biến' }));
    const timeline = await within(row).findByTestId('alert-timeline');
    const steps = within(timeline)
      .getAllByTestId('timeline-entry')
      .map((e) => e.querySelector('.history-timeline-what')?.textContent);
    expect(steps).toEqual([
      'Cảnh báo mở',
      'Đã tiếp nhận',
      'Giao phụ trách cho op.hoaxuan',
      'Ghi chú: Đã báo tổ dân phố',
      'Đã xử lý xong: Nước đã rút',
    ]);
    expect(within(timeline).getAllByTestId('timeline-entry')[0]?.textContent).toContain('Hệ thống');
    // A ward's mean carries no station's levels.
    expect(screen.queryAllByTestId('history-threshold')).toHaveLength(0);
  });
});

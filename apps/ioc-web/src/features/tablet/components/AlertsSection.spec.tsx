// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch, type StubbedCall } from '../../../shared/testing/fetchStub';
import type { TabletAlert } from '../model/api';
import { AlertsSection, type AlertsSectionProps } from './AlertsSection';

const NOW = Date.parse('2026-03-05T02:17:30.000Z');
const OFFICES = {
  asOf: '2026-03-05T02:00:00.000Z',
  items: [
    {
      id: '20194.vp',
      unitCode: '20194',
      nameVi: 'Văn phòng HĐND và UBND phường',
      nameEn: null,
      kind: 'people_committee_office',
      isCompiler: false,
      email: null,
      members: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      retiredAt: null,
    },
  ],
};

function section(alerts: TabletAlert[] | null, over: Partial<AlertsSectionProps> = {}) {
  return (
    <AlertsSection
      alerts={alerts}
      unitCode="20194"
      now={NOW}
      role="ward_leader"
      username="lead.20194"
      onChanged={() => undefined}
      {...over}
    />
  );
}

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
  assignee: null,
  ...fields,
});

describe('AlertsSection', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says so when nothing is open', () => {
    render(section([]));
    expect(screen.getByText('Không có cảnh báo đang mở trên địa bàn.')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });

  it('shows its heading while the page is still loading, and says that it is loading', () => {
    render(section(null));
    expect(screen.getByRole('heading').textContent).toBe('Cảnh báo đang mở');
    expect(screen.getByText('Đang tải số liệu…').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByText('Không có cảnh báo đang mở trên địa bàn.')).toBeNull();
  });

  it('lists the most severe first, then the newest, with how many there are', () => {
    render(
      section([
        alert('old-warning', { openedAt: '2026-03-05T00:00:00.000Z', message: 'Cũ' }),
        alert('emergency', { severity: 'emergency', message: 'Ngập sâu 60 cm' }),
        alert('new-warning', { openedAt: '2026-03-05T02:00:00.000Z', message: 'Mới' }),
      ]),
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
    render(section([alert('a', { value: 180.25, deviceId: 'aq-07', status: 'acknowledged' })]));
    const item = screen.getByRole('listitem');
    expect(item.querySelector('.tablet-alert-message')?.textContent).toBe('PM2.5 cao (180,3)');
    expect(within(item).getByText('Đã tiếp nhận')).toBeTruthy();
    expect(within(item).getByText(/Thiết bị aq-07/)).toBeTruthy();
  });

  it('says how long each alert has been open and who owns it', async () => {
    stubFetch(on('GET', '/api/v1/offices', { body: OFFICES }));
    render(
      section([
        alert('fresh', { openedAt: '2026-03-05T02:00:00.000Z' }),
        alert('office', { assignee: 'department:20194.vp', severity: 'critical' }),
        alert('person', { assignee: 'user:op.20194', severity: 'emergency' }),
      ]),
    );
    const item = (id: string) => document.querySelector(`[data-alert-id="${id}"]`) as HTMLElement;
    expect(within(item('fresh')).getByTestId('alert-age').textContent).toBe('mở 17 phút');
    expect(within(item('office')).getByTestId('alert-age').textContent).toBe('mở 1 giờ 17 phút');
    expect(within(item('fresh')).getByTestId('alert-owner').textContent).toBe(
      'Chưa có người phụ trách',
    );
    expect(within(item('person')).getByTestId('alert-owner').textContent).toBe(
      'Phụ trách: op.20194',
    );
    await waitFor(() => {
      expect(within(item('office')).getByTestId('alert-owner').textContent).toBe(
        'Phụ trách: Văn phòng HĐND và UBND phường',
      );
    });
    // A ward leader follows alerts; working them is the operators'.
    expect(screen.queryAllByTestId('alert-actions')).toEqual([]);
  });

  it('lets an operator acknowledge, take on, hand to an office, note and resolve', async () => {
    const posted: StubbedCall[] = [];
    stubFetch(on('GET', '/api/v1/offices', { body: OFFICES }), (c) => {
      if (c.method !== 'POST') return undefined;
      posted.push(c);
      return { body: {} };
    });
    const onChanged = vi.fn();
    render(section([alert('a1', {})], { role: 'ward_operator', username: 'op.20194', onChanged }));
    const buttons = () =>
      screen.getAllByRole('button').map((b) => b.getAttribute('data-testid') ?? '');
    expect(buttons()).toEqual([
      'alert-action-acknowledge',
      'alert-action-take',
      'alert-action-assign',
      'alert-action-note',
      'alert-action-resolve',
    ]);
    fireEvent.click(screen.getByTestId('alert-action-acknowledge'));
    await waitFor(() => {
      expect(onChanged).toHaveBeenCalledTimes(1);
    });
    fireEvent.click(screen.getByTestId('alert-action-take'));
    await waitFor(() => {
      expect(onChanged).toHaveBeenCalledTimes(2);
    });
    fireEvent.click(screen.getByTestId('alert-action-assign'));
    const form = screen.getByTestId('alert-form-assign');
    // Nothing chosen yet: said, and nothing sent.
    fireEvent.click(within(form).getByText('Gửi'));
    expect(within(form).getByRole('alert').textContent).toBe('Vui lòng điền hoặc chọn mục này.');
    await waitFor(() => {
      expect(within(form).getAllByRole('option')).toHaveLength(2);
    });
    fireEvent.change(within(form).getByRole('combobox'), { target: { value: '20194.vp' } });
    fireEvent.click(within(form).getByText('Gửi'));
    await waitFor(() => {
      expect(onChanged).toHaveBeenCalledTimes(3);
    });
    fireEvent.click(screen.getByTestId('alert-action-note'));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Đã cử tổ kiểm tra' } });
    fireEvent.click(screen.getByText('Gửi'));
    await waitFor(() => {
      expect(onChanged).toHaveBeenCalledTimes(4);
    });
    fireEvent.click(screen.getByTestId('alert-action-resolve'));
    fireEvent.click(screen.getByText('Gửi'));
    await waitFor(() => {
      expect(onChanged).toHaveBeenCalledTimes(5);
    });
    expect(posted.map((c) => [c.url, c.body])).toEqual([
      ['/api/v1/alerts/a1/acknowledge', {}],
      ['/api/v1/alerts/a1/assign', { assignee: 'user:op.20194' }],
      ['/api/v1/alerts/a1/assign', { assignee: 'department:20194.vp' }],
      ['/api/v1/alerts/a1/note', { text: 'Đã cử tổ kiểm tra' }],
      ['/api/v1/alerts/a1/resolve', {}],
    ]);
  });

  it('offers only what the status allows and says why the API refused a step', async () => {
    stubFetch(on('GET', '/api/v1/offices', { body: OFFICES }), (c) =>
      c.method === 'POST'
        ? {
            status: 409,
            body: {
              error: { code: 'ILLEGAL_TRANSITION', message: 'alert is resolved', details: [] },
            },
          }
        : undefined,
    );
    render(
      section([alert('a2', { status: 'acknowledged', assignee: 'user:op.20194' })], {
        role: 'ward_operator',
        username: 'op.20194',
      }),
    );
    // Already acknowledged and already theirs: no acknowledge, no "take".
    expect(screen.queryByTestId('alert-action-acknowledge')).toBeNull();
    expect(screen.queryByTestId('alert-action-take')).toBeNull();
    fireEvent.click(screen.getByTestId('alert-action-resolve'));
    fireEvent.click(screen.getByText('Gửi'));
    await waitFor(() => {
      expect(screen.getByTestId('alert-action-failed').textContent).toContain('alert is resolved');
    });
  });
});

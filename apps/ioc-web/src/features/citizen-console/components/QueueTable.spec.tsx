// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CitizenCase } from '../../../shared/api/citizen';
import { setLang } from '../../../shared/i18n/langStore';
import { QueueTable } from './QueueTable';

const NOW = Date.parse('2026-03-05T10:00:00Z');
const HOUR = 3_600_000;

function citizenCase(id: string, fields: Partial<CitizenCase>): CitizenCase {
  return {
    id,
    code: `PA${id.toUpperCase()}`,
    category: { code: 'rac_thai', nameVi: 'Rác thải', nameEn: 'Waste', icon: '🗑' },
    description: 'Rác ở đầu ngõ 5',
    status: 'received',
    overdue: false,
    moderation: 'ok',
    unitCode: '20194',
    unitName: 'Phường Hòa Xuân',
    lat: 16,
    lon: 108.2,
    reporterName: null,
    reporterPhone: null,
    source: 'web',
    officeId: null,
    officeName: null,
    assignee: null,
    supporters: 0,
    receivedAt: new Date(NOW - 5 * HOUR).toISOString(),
    deadlineAt: new Date(NOW + 27 * HOUR).toISOString(),
    resolvedAt: null,
    resolutionNote: null,
    rejectReason: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    reopenCount: 0,
    updatedAt: new Date(NOW).toISOString(),
    photos: [],
    events: [],
    ...fields,
  };
}

const cases = [
  citizenCase('late', {
    status: 'in_progress',
    overdue: true,
    receivedAt: new Date(NOW - 76 * HOUR).toISOString(),
    deadlineAt: new Date(NOW - 4 * HOUR).toISOString(),
  }),
  citizenCase('fresh', {}),
  citizenCase('done', { status: 'resolved', moderation: 'spam' }),
];

const row = (code: string) => {
  const button = screen.getByRole('button', { name: code });
  const tr = button.closest('tr');
  if (!tr) throw new Error(`no row for ${code}`);
  return within(tr);
};

describe('QueueTable', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(cleanup);

  it('shows how long each case has waited and what is left of its deadline', () => {
    render(<QueueTable cases={cases} selected={null} now={NOW} onOpen={() => undefined} />);
    const late = row('PALATE');
    expect(late.getByText('3 ngày 4 giờ')).toBeTruthy();
    expect(late.getByText('quá hạn 4 giờ')).toBeTruthy();
    expect(late.getByText('Quá hạn')).toBeTruthy();
    expect(late.getByText('Đang xử lý')).toBeTruthy();
    const fresh = row('PAFRESH');
    expect(fresh.getByText('5 giờ')).toBeTruthy();
    expect(fresh.getByText('còn 1 ngày 3 giờ')).toBeTruthy();
    expect(fresh.queryByText('Quá hạn')).toBeNull();
  });

  it('gives a closed case no time left, and marks spam', () => {
    render(<QueueTable cases={cases} selected={null} now={NOW} onOpen={() => undefined} />);
    const done = row('PADONE');
    expect(done.getByText('Đã giải quyết')).toBeTruthy();
    expect(done.getByText('Tin rác')).toBeTruthy();
    expect(done.queryByText(/^còn |^quá hạn /)).toBeNull();
  });

  it('opens the case whose code is clicked and marks the selected row', async () => {
    const onOpen = vi.fn();
    render(<QueueTable cases={cases} selected="fresh" now={NOW} onOpen={onOpen} />);
    await userEvent.click(screen.getByRole('button', { name: 'PALATE' }));
    expect(onOpen).toHaveBeenCalledWith('late');
    const selected = screen
      .getAllByRole('row')
      .filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-code'))).toEqual(['PAFRESH']);
  });

  it('names categories in English when English is chosen', () => {
    setLang('en');
    render(
      <QueueTable cases={cases.slice(1, 2)} selected={null} now={NOW} onOpen={() => undefined} />,
    );
    expect(row('PAFRESH').getByText(/Waste/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Code' })).toBeTruthy();
  });
});

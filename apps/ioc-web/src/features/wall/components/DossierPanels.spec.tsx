// @vitest-environment jsdom
import type { DossierListResponse, DossierStatsResponse } from '@ioc/contracts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { DossierPanels } from './DossierPanels';

const NOW = Date.parse('2026-12-07T03:00:00Z'); // 10:00 in Việt Nam
const AS_OF = '2026-12-07T02:58:00.000Z';

const open = (code: string, unitCode: string, dueAt: string) => ({
  code,
  procedureCode: 'P1',
  fieldCode: 'F1',
  unitCode,
  receivedAt: '2026-12-01T01:00:00.000Z',
  dueAt,
  finishedAt: null,
  onlineFullProcess: false,
  status: 'DANG_XU_LY',
  officer: null,
  overdue: Date.parse(dueAt) < NOW,
  onTime: null,
  source: 'push:admin',
});

const list: DossierListResponse = {
  asOf: AS_OF,
  items: [
    open('a', '20314', '2026-12-06T00:00:00Z'),
    open('b', '20314', '2026-12-05T00:00:00Z'),
    open('c', '20194', '2026-12-06T00:00:00Z'),
    open('d', '20305', '2026-12-06T00:00:00Z'),
    open('e', '20305', '2026-12-07T10:00:00Z'),
  ],
};

const rate = (key: string, finished: number, onTime: number, total: number, online: number) => ({
  key,
  total,
  finished,
  finishedOnTime: onTime,
  overdue: finished - onTime,
  online,
  onTimeRate: onTime / finished,
  overdueRate: (finished - onTime) / total,
});

const stats: DossierStatsResponse = {
  asOf: AS_OF,
  byUnit: [rate('20314', 4, 3, 6, 1), rate('20194', 3, 1, 4, 1), rate('20305', 2, 2, 4, 0)],
  byField: [],
};

const names: Record<string, string> = {
  '20314': 'Hoà Xuân',
  '20194': 'Hải Vân',
  '20305': 'An Hải',
};

function panels() {
  return render(
    <DossierPanels
      open={list}
      stats={stats}
      openAsOf={AS_OF}
      openStale={false}
      statsAsOf={AS_OF}
      statsStale={false}
      now={NOW}
      openLimit={1000}
      unitRows={1}
      wardRows={2}
      unitName={(c) => (c === null ? '—' : (names[c] ?? c))}
    />,
  );
}

describe('DossierPanels', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(cleanup);

  it('shows due today, overdue by unit with the rest counted, and wards lowest first', () => {
    panels();
    const totals = screen.getByTestId('dossier-totals');
    expect(totals.getAttribute('data-due-today')).toBe('1');
    expect(totals.textContent).toBe('1đến hạn hôm nay4quá hạn');
    const unit = screen.getByTestId('dossier-overdue-unit');
    expect(unit.textContent).toBe('Hoà Xuân2');
    expect(screen.getByTestId('dossier-more-units').textContent).toBe(
      'Các đơn vị khác: 2 hồ sơ quá hạn',
    );
    expect(screen.getAllByTestId('dossier-ward').map((li) => li.textContent)).toEqual([
      'Hải Vân1/333%',
      'Hoà Xuân3/475%',
    ]);
    expect(screen.getByTestId('dossier-more-wards').textContent).toBe('và 1 phường, xã khác');
    expect(screen.getByTestId('dossier-online').textContent).toBe(
      'Trực tuyến toàn trình: 14% hồ sơ',
    );
    // Each card carries the time of its own data.
    expect(screen.getAllByTestId('panel-as-of').map((e) => e.getAttribute('data-as-of'))).toEqual([
      AS_OF,
      AS_OF,
    ]);
  });

  it('reads in English', () => {
    setLang('en');
    panels();
    expect(screen.getByTestId('dossier-totals').textContent).toBe('1due today4overdue');
    expect(screen.getByTestId('dossier-online').textContent).toBe('Fully online: 14% of dossiers');
  });
});

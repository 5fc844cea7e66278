// @vitest-environment jsdom
import type { DossierView } from '@ioc/contracts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { DossiersSection } from './DossiersSection';

const now = Date.parse('2026-03-10T02:00:00.000Z');
const HOUR = 3_600_000;
const dossier = (code: string, dueInH: number, o: Partial<DossierView> = {}): DossierView => ({
  code,
  procedureCode: 'TTHC-1.001',
  fieldCode: 'HO_TICH',
  unitCode: '20275',
  receivedAt: new Date(now - 72 * HOUR).toISOString(),
  dueAt: new Date(now + dueInH * HOUR).toISOString(),
  finishedAt: null,
  onlineFullProcess: false,
  status: 'DANG_XU_LY',
  officer: null,
  overdue: dueInH < 0,
  onTime: null,
  source: 'connector:dvc-lgsp',
  ...o,
});

describe('DossiersSection', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists overdue dossiers first (longest overdue on top), then the nearest due', async () => {
    const calls = stubFetch(
      on('GET', '/api/v1/dossiers', (c) => {
        const state = new URL(c.url, 'http://x').searchParams.get('state');
        const items =
          state === 'overdue'
            ? [dossier('HS-LATE-2H', -2), dossier('HS-LATE-3D', -72, { officer: 'cb-an-hai' })]
            : [dossier('HS-SOON-20H', 20, { onlineFullProcess: true }), dossier('HS-SOON-1H', 1)];
        return { body: { asOf: new Date(now).toISOString(), items } };
      }),
    );
    render(<DossiersSection unitCode="20275" now={now} />);
    await waitFor(() => {
      expect(screen.getAllByTestId('tablet-dossier')).toHaveLength(4);
    });
    const rows = screen.getAllByTestId('tablet-dossier');
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual([
      'HS-LATE-3D',
      'HS-LATE-2H',
      'HS-SOON-1H',
      'HS-SOON-20H',
    ]);
    expect(rows.map((r) => r.getAttribute('data-overdue'))).toEqual([
      'true',
      'true',
      'false',
      'false',
    ]);
    expect(rows[0]?.textContent).toContain('Quá hạn 3 ngày');
    expect(rows[0]?.textContent).toContain('Cán bộ xử lý: cb-an-hai');
    expect(rows[2]?.textContent).toContain('Còn 1 giờ');
    expect(rows[3]?.textContent).toContain('Trực tuyến toàn trình');
    expect(screen.getByTestId('tablet-dossiers-count').textContent).toBe(
      '2 quá hạn · 2 sắp đến hạn',
    );
    // The ward's dossiers, in the states the contract's query names.
    expect(calls.map((c) => c.url).sort()).toEqual([
      '/api/v1/dossiers?unit=20275&state=due-soon&limit=200',
      '/api/v1/dossiers?unit=20275&state=overdue&limit=200',
    ]);
  });

  it('says when nothing is due', async () => {
    setLang('en');
    stubFetch(
      on('GET', '/api/v1/dossiers', { body: { asOf: new Date(now).toISOString(), items: [] } }),
    );
    render(<DossiersSection unitCode="20275" now={now} />);
    expect(
      await screen.findByText('No dossier is overdue or due in the next 24 hours.'),
    ).toBeTruthy();
  });
});

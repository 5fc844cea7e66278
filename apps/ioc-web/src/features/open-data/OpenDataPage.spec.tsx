// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../shared/i18n/langStore';
import { setSession } from '../../shared/api/session';
import { on, stubFetch } from '../../shared/testing/fetchStub';
import { DATASETS_PATH } from './model/api';
import { STA_ROOT, dataset, listing } from './testing/fixtures';
import OpenDataPage from './OpenDataPage';

const rainfall = dataset({
  id: 'indicator.luong_mua',
  titleVi: 'Lượng mưa tháng',
  titleEn: 'Monthly rainfall',
  descriptionVi: 'Tổng lượng mưa theo phường',
  descriptionEn: 'Total rainfall by ward',
  updateFrequency: 'monthly',
  modified: '2026-02-28T17:00:00.000Z',
  distributions: [
    {
      format: 'csv',
      mediaType: 'text/csv',
      url: '/api/v1/public/open-data/datasets/indicator.luong_mua.csv',
    },
    {
      format: 'json',
      mediaType: 'application/json',
      url: '/api/v1/public/open-data/datasets/indicator.luong_mua.json',
    },
  ],
});
const wards = dataset({
  id: 'boundaries.48',
  kind: 'boundaries',
  titleVi: 'Ranh giới phường, xã Đà Nẵng',
  titleEn: 'Ward boundaries of Đà Nẵng',
  licence: { id: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  updateFrequency: 'irregular',
  distributions: [
    {
      format: 'geojson',
      mediaType: 'application/geo+json',
      url: '/api/v1/public/open-data/datasets/boundaries.48.geojson',
    },
  ],
});

describe('OpenDataPage', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    setSession(null);
    vi.unstubAllGlobals();
  });

  it('lists each dataset with its licence, frequency, freshness and downloads, without a session', async () => {
    setSession({
      token: 'iocs_secret',
      expiresAt: '2099-01-01T00:00:00.000Z',
      username: 'lan',
      displayName: 'Lan',
      role: 'admin',
      units: [],
    });
    const calls = stubFetch(on('GET', DATASETS_PATH, { body: listing([rainfall, wards]) }));
    render(<OpenDataPage />);

    const card = within(await screen.findByRole('article', { name: 'Lượng mưa tháng' }));
    expect(card.getByText('Tổng lượng mưa theo phường')).toBeTruthy();
    expect(card.getByRole('link', { name: 'CC-BY-4.0' }).getAttribute('href')).toBe(
      rainfall.licence.url,
    );
    expect(card.getByText('Hằng tháng')).toBeTruthy();
    // Vietnam time: 17:00 UTC on the 28th is midnight on 1 March.
    expect(card.getByText('01/03/2026 00:00')).toBeTruthy();
    const csv = card.getByRole('link', { name: 'Tải về CSV: Lượng mưa tháng' });
    expect(csv.getAttribute('href')).toBe(rainfall.distributions[0]?.url);
    expect(csv.hasAttribute('download')).toBe(true);
    expect(card.getByRole('link', { name: 'Tải về JSON: Lượng mưa tháng' })).toBeTruthy();

    const boundary = within(screen.getByRole('article', { name: 'Ranh giới phường, xã Đà Nẵng' }));
    expect(boundary.getByText('Chưa có dữ liệu')).toBeTruthy();
    expect(boundary.getByText('Không định kỳ')).toBeTruthy();
    expect(boundary.getByRole('link', { name: /GeoJSON/ }).getAttribute('href')).toBe(
      wards.distributions[0]?.url,
    );
    // Grouped by kind under headings.
    expect(screen.getByRole('heading', { level: 2, name: 'Chỉ số' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Ranh giới hành chính' })).toBeTruthy();
    // A public page never sends the visitor's credential.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers).not.toHaveProperty('authorization');
  });

  it('finds datasets typed without diacritics and says how many match', async () => {
    stubFetch(on('GET', DATASETS_PATH, { body: listing([rainfall, wards]) }));
    render(<OpenDataPage />);
    const search = await screen.findByLabelText('Tìm bộ dữ liệu');
    expect(screen.getByTestId('dataset-count').textContent).toBe('Có 2 bộ dữ liệu');

    await userEvent.type(search, 'luong mua');
    expect(screen.getAllByTestId('dataset').map((a) => a.getAttribute('data-id'))).toEqual([
      'indicator.luong_mua',
    ]);
    expect(screen.getByTestId('dataset-count').textContent).toBe(
      '1 trên 2 bộ dữ liệu khớp với “luong mua”',
    );

    await userEvent.clear(search);
    await userEvent.type(search, 'không có gì');
    expect(screen.queryAllByTestId('dataset')).toEqual([]);
    expect(screen.getByTestId('open-data-no-match').textContent).toContain('không có gì');
  });

  it('shows the SensorThings root, examples under it and the MQTT topic pattern', async () => {
    stubFetch(on('GET', DATASETS_PATH, { body: listing([rainfall]) }));
    render(<OpenDataPage />);
    const sta = within(await screen.findByTestId('sta-section'));
    expect(sta.getByTestId('sta-root').getAttribute('href')).toBe(STA_ROOT);
    const examples = sta.getAllByTestId('sta-example');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const e of examples) expect(e.getAttribute('href')?.startsWith(`${STA_ROOT}/`)).toBe(true);
    expect(sta.getByTestId('sta-mqtt-topic').textContent).toBe(
      'v1.1/Datastreams({id})/Observations',
    );
  });

  it('switches to English titles, labels and publisher', async () => {
    stubFetch(on('GET', DATASETS_PATH, { body: listing([rainfall]) }));
    render(<OpenDataPage />);
    await screen.findByRole('article', { name: 'Lượng mưa tháng' });
    await userEvent.click(screen.getByTestId('lang-toggle'));
    const card = within(screen.getByRole('article', { name: 'Monthly rainfall' }));
    expect(card.getByText('Total rainfall by ward')).toBeTruthy();
    expect(card.getByText('Monthly')).toBeTruthy();
    expect(card.getByRole('link', { name: 'Download CSV: Monthly rainfall' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Open data' })).toBeTruthy();
    expect(screen.getByTestId('open-data-publisher').textContent).toContain('Da Nang');
  });

  it('says so when nothing is published yet', async () => {
    stubFetch(on('GET', DATASETS_PATH, { body: listing([]) }));
    render(<OpenDataPage />);
    expect((await screen.findByTestId('open-data-empty')).textContent).toBe(
      'Chưa có bộ dữ liệu nào được công bố.',
    );
  });

  it('explains a failed load and reads again on retry', async () => {
    let round = 0;
    stubFetch(
      on('GET', DATASETS_PATH, () =>
        ++round === 1
          ? { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'quá nhiều yêu cầu' } } }
          : { body: listing([rainfall]) },
      ),
    );
    render(<OpenDataPage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('quá nhiều yêu cầu');
    await userEvent.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('article', { name: 'Lượng mưa tháng' })).toBeTruthy();
  });
});

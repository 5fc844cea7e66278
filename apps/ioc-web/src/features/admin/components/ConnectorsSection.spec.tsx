// @vitest-environment jsdom
import type { ConnectorView } from '@ioc/contracts';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { ConnectorsSection } from './ConnectorsSection';

const AS_OF = '2026-03-10T02:00:00.000Z';
const connector = (o: Partial<ConnectorView> = {}): ConnectorView => ({
  id: 'dvc-lgsp',
  name: 'Hệ thống TTHC',
  department: 'Văn phòng UBND',
  source: {
    kind: 'rest-json',
    url: 'https://lgsp.example/hoso?page={page}',
    method: 'GET',
    headers: {},
    paging: { kind: 'page', size: 50, start: 1 },
  },
  mapping: { target: 'dossier', expression: '$', unitCodes: {} },
  auth: { kind: 'lgsp', appName: 'ioc', secretSet: true },
  schedule: '*/15 * * * *',
  rateLimitPerMinute: 60,
  maxRetries: 3,
  paused: false,
  watermark: null,
  knownFields: [],
  createdAt: AS_OF,
  updatedAt: AS_OF,
  ...o,
});

/** A fake connectors API: list, liveness, pause, dry run, runs, dead letters, create. */
function fakeApi(state: { items: ConnectorView[] }) {
  return stubFetch(
    on('GET', '/api/v1/connectors', () => ({ body: { asOf: AS_OF, items: state.items } })),
    on('GET', '/api/v1/feeds/liveness', {
      body: {
        asOf: AS_OF,
        since: '2025-03-01',
        feeds: [],
        connectors: [
          {
            id: 'dvc-lgsp',
            name: 'Hệ thống TTHC',
            department: 'Văn phòng UBND',
            paused: false,
            lastRunAt: AS_OF,
            lastStatus: 'succeeded',
            lastSuccessAt: AS_OF,
            lastError: null,
            recordsIn: 2,
            recordsRejected: 1,
            lagSeconds: 60,
            fieldsAdded: [],
            fieldsRemoved: [],
          },
        ],
      },
    }),
    on('POST', '/api/v1/connectors/dvc-lgsp/pause', () => {
      state.items = state.items.map((c) => ({ ...c, paused: true }));
      return { body: state.items[0] };
    }),
    on('POST', '/api/v1/connectors/dvc-lgsp/dry-run', {
      body: {
        connectorId: 'dvc-lgsp',
        fetched: 3,
        records: [
          { code: 'DVC-001', unitCode: '20275' },
          { code: 'DVC-002', unitCode: '20275' },
        ],
        rejected: [{ reason: 'UNKNOWN_UNIT', detail: 'unitCode 99999' }],
        fields: ['MaHoSo', 'MaDonVi'],
      },
    }),
    on('GET', '/api/v1/connectors/dvc-lgsp/runs', { body: { asOf: AS_OF, items: [] } }),
    on('GET', '/api/v1/connectors/dvc-lgsp/dead-letters', { body: { asOf: AS_OF, items: [] } }),
    on('POST', '/api/v1/connectors', {
      status: 409,
      body: {
        error: {
          code: 'CONNECTOR_EXISTS',
          message: 'exists',
          details: [{ path: 'id', message: 'exists' }],
        },
      },
    }),
  );
}

describe('ConnectorsSection', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists connectors with their last run, dry-runs one and pauses it', async () => {
    const state = { items: [connector()] };
    const calls = fakeApi(state);
    render(<ConnectorsSection />);
    const row = await screen.findByTestId('connector-row');
    expect(row.querySelector('[data-cell=state]')?.textContent).toBe('Đang hoạt động');
    expect(row.querySelector('[data-cell=last-run]')?.textContent).toContain('Thành công');

    await userEvent.click(within(row).getByTestId('connector-open'));
    await userEvent.click(await screen.findByTestId('connector-dry-run-button'));
    const dry = await screen.findByTestId('connector-dry-run');
    expect(
      within(dry)
        .getAllByTestId('connector-dry-record')
        .map((r) => r.textContent),
    ).toEqual(['DVC-00120275', 'DVC-00220275']);
    expect(within(dry).getByTestId('connector-dry-rejection').textContent).toBe(
      'UNKNOWN_UNITunitCode 99999',
    );
    expect(within(dry).getByTestId('connector-dry-summary').textContent).toBe(
      'Đã lấy 3 bản ghi nguồn; 2 bản ghi ánh xạ được, 1 bị loại.',
    );

    await userEvent.click(screen.getByTestId('connector-pause-button'));
    await waitFor(() => {
      expect(
        screen.getByTestId('connector-row').querySelector('[data-cell=state]')?.textContent,
      ).toBe('Tạm dừng');
    });
    expect(screen.getByTestId('connector-pause-button').textContent).toBe('Tiếp tục');
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/pause'))).toBe(true);
  });

  it('checks the form with the contract first, then shows the API refusal beside its field', async () => {
    const calls = fakeApi({ items: [] });
    render(<ConnectorsSection />);
    await screen.findByText('Chưa có kết nối nào.');
    await userEvent.click(screen.getByTestId('connector-add'));
    const form = screen.getByTestId('connector-form');
    await userEvent.click(within(form).getByTestId('connector-submit'));
    const problems = within(form)
      .getAllByTestId('field-error')
      .map((e) => e.textContent);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Mã gồm chữ thường, số, dấu - và _ (2–64 ký tự).',
        'Nhập địa chỉ bắt đầu bằng http:// hoặc https://.',
      ]),
    );
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    const type = async (name: string, value: string) => {
      const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
      if (el === null) throw new Error(name);
      await userEvent.clear(el);
      // user-event reads { and [ as key descriptors: doubled, they are typed as themselves.
      await userEvent.type(
        el,
        value.replace(/[{[]/g, (c) => c + c),
      );
    };
    await type('id', 'dvc-lgsp');
    await type('name', 'Hệ thống TTHC');
    await type('department', 'Văn phòng UBND');
    await type('url', 'https://lgsp.example/hoso');
    await type('expression', '{ "code": MaHoSo }');
    await userEvent.selectOptions(within(form).getByLabelText('Kiểu xác thực'), 'basic');
    await type('auth-username', 'u');
    const password = within(form).getByLabelText('Mật khẩu');
    expect(password).toHaveProperty('type', 'password');
    await type('auth-password', 'p-secret');
    await userEvent.click(within(form).getByTestId('connector-submit'));

    await waitFor(() => {
      expect(
        within(form)
          .getAllByTestId('field-error')
          .map((e) => e.textContent),
      ).toEqual(['Đã có kết nối với mã này.']);
    });
    const sent = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/connectors');
    expect(sent?.body).toMatchObject({
      id: 'dvc-lgsp',
      source: { url: 'https://lgsp.example/hoso', paging: { kind: 'none' } },
      mapping: { expression: '{ "code": MaHoSo }', target: 'dossier' },
      auth: { kind: 'basic', username: 'u', password: 'p-secret' },
    });
  });

  it('editing shows only that secrets are set; keeping them sends no auth', async () => {
    const calls = fakeApi({ items: [connector()] });
    render(<ConnectorsSection />);
    await userEvent.click(await screen.findByTestId('connector-edit'));
    const form = screen.getByTestId('connector-form');
    expect(within(form).getByTestId('connector-auth-state').textContent).toBe(
      'Đã đặt khóa bí mật (không hiển thị lại).',
    );
    expect(within(form).queryByLabelText('SecretKey')).toBeNull();
    await userEvent.click(within(form).getByRole('radio', { name: 'Thay khóa mới' }));
    expect(within(form).getByLabelText('SecretKey')).toHaveProperty('value', '');
    expect(within(form).getByLabelText('Tên ứng dụng (AppName)')).toHaveProperty('value', 'ioc');
    await userEvent.click(within(form).getByRole('radio', { name: 'Giữ nguyên' }));
    await userEvent.click(within(form).getByTestId('connector-submit'));
    await waitFor(() => {
      expect(calls.some((c) => c.method === 'PATCH')).toBe(true);
    });
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe('/api/v1/connectors/dvc-lgsp');
    expect(patch?.body).not.toHaveProperty('auth');
    expect(patch?.body).toMatchObject({ schedule: '*/15 * * * *' });
  });
});

// @vitest-environment jsdom
import type { PublicationState } from '@ioc/contracts';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch, type StubbedCall } from '../../../shared/testing/fetchStub';
import { OpenDataSection } from './OpenDataSection';

const PUBLICATION = '/api/v1/open-data/publication';
const SETTINGS = '/api/v1/open-data/settings';

function initialState(): PublicationState {
  return {
    settings: {
      positionDecimals: 3,
      licenceId: 'CC-BY-4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
      updatedAt: null,
      updatedBy: null,
    },
    deviceKinds: [
      { key: 'air', devices: 2, public: false },
      { key: 'vessel', devices: 1, public: false },
    ],
    devices: [
      {
        id: 'air-01',
        name: 'Trạm Hòa Xuân',
        kind: 'air',
        unitCode: '20314',
        own: null,
        public: false,
      },
      { id: 'air-02', name: null, kind: 'air', unitCode: '20194', own: true, public: true },
      { id: 'ship-1', name: 'Tàu cá', kind: 'vessel', unitCode: null, own: null, public: false },
    ],
    metrics: [
      {
        code: 'pm25',
        nameVi: 'Bụi mịn PM2.5',
        nameEn: 'Fine dust PM2.5',
        uom: 'µg/m³',
        public: false,
      },
    ],
    indicators: [
      { code: 'dan_so', nameVi: 'Dân số trung bình', nameEn: 'Average population', public: false },
      { code: 'ho_ngheo', nameVi: 'Tỷ lệ hộ nghèo', nameEn: 'Poverty rate', public: false },
      {
        code: 'ho_can_ngheo',
        nameVi: 'Tỷ lệ hộ cận nghèo',
        nameEn: 'Near-poverty rate',
        public: false,
      },
    ],
  };
}

/** A fake API holding the state: PUT applies entries the way the contract describes. */
function fakeApi(state = initialState()) {
  const apply = (c: StubbedCall) => {
    const { entries } = c.body as {
      entries: { subject: string; key: string; public: boolean | null }[];
    };
    for (const e of entries) {
      if (e.subject === 'device_kind') {
        const k = state.deviceKinds.find((x) => x.key === e.key);
        if (k) k.public = e.public === true;
      }
      if (e.subject === 'indicator') {
        const i = state.indicators.find((x) => x.code === e.key);
        if (i) i.public = e.public === true;
      }
      if (e.subject === 'device') {
        const d = state.devices.find((x) => x.id === e.key);
        if (d) d.own = e.public;
      }
    }
    for (const d of state.devices)
      d.public = d.own ?? state.deviceKinds.find((k) => k.key === d.kind)?.public ?? false;
    return { body: state };
  };
  return [on('GET', PUBLICATION, () => ({ body: state })), on('PUT', PUBLICATION, apply)];
}

const row = (testId: string, key: string) =>
  within(
    screen.getAllByTestId(testId).find((r) => r.getAttribute('data-key') === key) as HTMLElement,
  );

describe('OpenDataSection', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('publishes a kind: its following devices turn public, and one save sends the draft', async () => {
    const calls = stubFetch(...fakeApi());
    render(<OpenDataSection />);
    await screen.findAllByTestId('kind-row');
    expect(row('kind-row', 'air').getByText('2')).toBeTruthy();
    expect(row('device-row', 'air-01').getByText('(theo loại)')).toBeTruthy();
    expect(row('device-row', 'air-01').getByTestId('device-effective').textContent).toBe(
      'Không công khai',
    );

    await userEvent.click(screen.getByRole('switch', { name: 'Công khai: air' }));
    expect(screen.getByTestId('open-data-pending').textContent).toBe('1 thay đổi chưa lưu');
    // The draft already shows what the public routes will do.
    expect(row('device-row', 'air-01').getByTestId('device-effective').textContent).toBe(
      'Công khai',
    );
    expect(row('device-row', 'ship-1').getByTestId('device-effective').textContent).toBe(
      'Không công khai',
    );

    await userEvent.click(screen.getByTestId('open-data-save'));
    await screen.findByText('Đã lưu thay đổi công khai.');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ entries: [{ subject: 'device_kind', key: 'air', public: true }] });
    expect(screen.queryByTestId('open-data-pending')).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Công khai: air' }).checked).toBe(
      true,
    );
  });

  it('toggling back to the saved value leaves nothing to save', async () => {
    stubFetch(...fakeApi());
    render(<OpenDataSection />);
    const sw = await screen.findByRole('switch', { name: 'Công khai: Bụi mịn PM2.5' });
    await userEvent.click(sw);
    expect(screen.getByTestId('open-data-pending')).toBeTruthy();
    await userEvent.click(sw);
    expect(screen.queryByTestId('open-data-pending')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('open-data-save').disabled).toBe(true);
  });

  it('searches indicators without diacritics and publishes only the ones shown', async () => {
    const calls = stubFetch(...fakeApi());
    render(<OpenDataSection />);
    await userEvent.type(await screen.findByTestId('indicator-search'), 'ho ngheo');
    const table = within(screen.getByTestId('open-data-indicators'));
    expect(table.getAllByTestId('indicator-row').map((r) => r.getAttribute('data-key'))).toEqual([
      'ho_ngheo',
      'ho_can_ngheo',
    ]);
    await userEvent.click(table.getByRole('button', { name: 'Công khai tất cả đang hiển thị' }));
    await userEvent.click(screen.getByTestId('open-data-save'));
    await screen.findByText('Đã lưu thay đổi công khai.');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      entries: [
        { subject: 'indicator', key: 'ho_ngheo', public: true },
        { subject: 'indicator', key: 'ho_can_ngheo', public: true },
      ],
    });
  });

  it('lets a device follow its kind again and filters devices by kind', async () => {
    const calls = stubFetch(...fakeApi());
    render(<OpenDataSection />);
    await userEvent.selectOptions(await screen.findByTestId('device-kind-filter'), 'air');
    expect(screen.getAllByTestId('device-row').map((r) => r.getAttribute('data-key'))).toEqual([
      'air-01',
      'air-02',
    ]);
    const rule = screen.getByRole('combobox', { name: 'Thiết lập công khai của air-02' });
    expect((rule as HTMLSelectElement).value).toBe('on');
    await userEvent.selectOptions(rule, 'follow');
    expect(row('device-row', 'air-02').getByTestId('device-effective').textContent).toBe(
      'Không công khai',
    );
    await userEvent.click(screen.getByTestId('open-data-save'));
    await screen.findByText('Đã lưu thay đổi công khai.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      entries: [{ subject: 'device', key: 'air-02', public: null }],
    });
  });

  it('shows the server’s reason and details when a save is refused, keeping the draft', async () => {
    stubFetch(
      on('PUT', PUBLICATION, {
        status: 400,
        body: {
          error: {
            code: 'UNKNOWN_SUBJECT',
            message: 'Không có chỉ số dan_so',
            details: { issues: [{ path: 'entries.0.key', message: 'không tồn tại' }] },
          },
        },
      }),
      ...fakeApi(),
    );
    render(<OpenDataSection />);
    await userEvent.click(
      await screen.findByRole('switch', { name: 'Công khai: Dân số trung bình' }),
    );
    await userEvent.click(screen.getByTestId('open-data-save'));
    const alert = await screen.findByTestId('form-error');
    expect(alert.textContent).toContain('Không có chỉ số dan_so');
    expect(alert.textContent).toContain('entries: không tồn tại');
    expect(screen.getByTestId('open-data-pending').textContent).toBe('1 thay đổi chưa lưu');
  });

  it('sends only the changed settings and shows a field the server refused', async () => {
    const calls = stubFetch(
      on('PATCH', SETTINGS, (c) =>
        (c.body as { licenceId?: string }).licenceId === 'bad id'
          ? {
              status: 400,
              body: {
                error: {
                  code: 'invalid',
                  message: 'licenceId: không hợp lệ',
                  details: { issues: [{ path: 'licenceId', message: 'không hợp lệ' }] },
                },
              },
            }
          : {
              body: {
                ...initialState(),
                settings: {
                  ...initialState().settings,
                  positionDecimals: 5,
                  updatedAt: '2026-03-01T01:00:00.000Z',
                  updatedBy: 'admin',
                },
              },
            },
      ),
      ...fakeApi(),
    );
    render(<OpenDataSection />);
    const select = await screen.findByLabelText('Làm tròn vị trí khi công bố');
    expect((select as HTMLSelectElement).value).toBe('3');
    expect(within(select).getByText(/^3 chữ số thập phân \(ô lưới khoảng 111 m\)$/)).toBeTruthy();
    expect(within(select).getByText('Chính xác (không làm tròn)')).toBeTruthy();

    const url = screen.getByLabelText('Địa chỉ văn bản giấy phép');
    await userEvent.clear(url);
    await userEvent.type(url, 'not a url');
    await userEvent.click(screen.getByTestId('open-data-settings-save'));
    expect(screen.getByText('Phải là một địa chỉ http(s) đầy đủ.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    await userEvent.clear(url);
    await userEvent.type(url, 'https://creativecommons.org/licenses/by/4.0/');
    const id = screen.getByLabelText('Mã giấy phép');
    await userEvent.clear(id);
    await userEvent.type(id, 'bad id');
    await userEvent.click(screen.getByTestId('open-data-settings-save'));
    await waitFor(() => {
      expect(id.getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getByText('không hợp lệ')).toBeTruthy();

    await userEvent.clear(id);
    await userEvent.type(id, 'CC-BY-4.0');
    await userEvent.selectOptions(select, '5');
    await userEvent.click(screen.getByTestId('open-data-settings-save'));
    await screen.findByText('Đã lưu cài đặt.');
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches.at(-1)?.body).toEqual({ positionDecimals: 5 });
    expect(screen.getByText(/Cập nhật lần cuối lúc .* bởi admin\./)).toBeTruthy();
  });
});

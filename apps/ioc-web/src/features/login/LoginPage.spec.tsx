// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../../shared/api/session';
import { setLang } from '../../shared/i18n/langStore';
import { on, stubFetch } from '../../shared/testing/fetchStub';
import LoginPage from './LoginPage';

const setupStatus = (setupRequired: boolean) =>
  on('GET', '/api/v1/auth/setup', { body: { setupRequired } });

describe('LoginPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/login');
    setLang('vi');
    setSession(null);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    setSession(null);
  });

  it('shows the sign-in form once no first-run setup is pending', async () => {
    stubFetch(setupStatus(false));
    render(<LoginPage />);
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Lần chạy đầu tiên/ })).toBeNull();
  });

  it('opens on the first-run setup while no administrator exists, and lets one switch to sign-in', async () => {
    stubFetch(setupStatus(true));
    render(<LoginPage />);
    expect(await screen.findByRole('heading', { name: 'Thiết lập lần đầu' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tôi đã có tài khoản: đăng nhập' }));
    expect(screen.getByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
    await userEvent.click(
      screen.getByRole('button', { name: 'Lần chạy đầu tiên: tạo tài khoản quản trị' }),
    );
    expect(screen.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeTruthy();
  });

  it('still offers sign-in when the setup status cannot be read', async () => {
    stubFetch(on('GET', '/api/v1/auth/setup', { status: 503, body: {} }));
    render(<LoginPage />);
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
  });

  it('checks the first administrator’s form before sending it', async () => {
    const calls = stubFetch(setupStatus(true));
    render(<LoginPage />);
    await screen.findByRole('heading', { name: 'Thiết lập lần đầu' });
    await userEvent.type(screen.getByLabelText('Mã thiết lập'), 'iocsetup_x');
    await userEvent.type(screen.getByLabelText('Tên đăng nhập'), 'Quản trị');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'ngắn');
    await userEvent.type(screen.getByLabelText('Nhập lại mật khẩu'), 'khác');
    await userEvent.click(screen.getByRole('button', { name: 'Tạo quản trị viên và đăng nhập' }));
    expect(screen.getAllByTestId('field-error').map((e) => e.textContent)).toEqual([
      'Tên đăng nhập gồm chữ thường, số, dấu . _ - (2–64 ký tự).',
      'Mật khẩu cần ít nhất 12 ký tự.',
      'Hai mật khẩu không khớp.',
    ]);
    expect(calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('greets someone already signed in by name and role, with the way to their home page', async () => {
    stubFetch(setupStatus(false));
    setSession({
      token: 'iocs_x',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      username: 'lan',
      displayName: 'Nguyễn Thị Lan',
      role: 'ward_leader',
      units: ['20194'],
    });
    render(<LoginPage />);
    expect(await screen.findByRole('heading', { name: 'Bạn đã đăng nhập' })).toBeTruthy();
    expect(
      screen.getByText('Đang đăng nhập với tài khoản Nguyễn Thị Lan (Lãnh đạo phường/xã).'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tiếp tục' }).getAttribute('href')).toBe('/tablet');
  });
});

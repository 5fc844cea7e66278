// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { LoginForm } from './LoginForm';

const session = {
  token: 'iocs_abc',
  expiresAt: '2026-03-02T00:00:00.000Z',
  user: {
    id: 'u-1',
    username: 'lan',
    displayName: 'Nguyễn Thị Lan',
    email: null,
    phone: null,
    role: 'ward_leader',
    units: ['20194'],
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    passwordChangedAt: '2026-01-01T00:00:00.000Z',
  },
};

describe('LoginForm', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says what is missing without calling the API', async () => {
    const calls = stubFetch();
    render(<LoginForm onSignedIn={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getByText('Nhập tên đăng nhập.')).toBeTruthy();
    expect(screen.getByText('Nhập mật khẩu.')).toBeTruthy();
    expect(screen.getByLabelText('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('signs in with the trimmed username and hands the session over', async () => {
    const calls = stubFetch(on('POST', '/api/v1/auth/login', { body: session }));
    const signedIn = vi.fn();
    render(<LoginForm onSignedIn={signedIn} />);
    await userEvent.type(screen.getByLabelText('Tên đăng nhập'), '  lan ');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'mật-khẩu-dài');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() => {
      expect(signedIn).toHaveBeenCalledWith(session);
    });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      body: { username: 'lan', password: 'mật-khẩu-dài' },
    });
    // Login sends no credential of its own.
    expect(calls[0]?.headers).not.toHaveProperty('authorization');
  });

  it('clears the password and says so on wrong credentials', async () => {
    stubFetch(
      on('POST', '/api/v1/auth/login', {
        status: 401,
        body: { error: { code: 'AUTH_BAD_CREDENTIALS', message: 'bad' } },
      }),
    );
    render(<LoginForm onSignedIn={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Tên đăng nhập'), 'lan');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'sai');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Mật khẩu').value).toBe('');
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toHaveProperty('disabled', false);
  });

  it('tells a locked-out person how many minutes to wait, from Retry-After', async () => {
    stubFetch(
      on('POST', '/api/v1/auth/login', {
        status: 429,
        headers: { 'retry-after': '300' },
        body: { error: { code: 'AUTH_LOCKED', message: 'locked' } },
      }),
    );
    render(<LoginForm onSignedIn={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Tên đăng nhập'), 'lan');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'sai');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /tạm bị khóa\. Vui lòng thử lại sau khoảng 5 phút/,
    );
  });

  it('speaks English once English is chosen', async () => {
    setLang('en');
    stubFetch();
    render(<LoginForm onSignedIn={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getAllByTestId('field-error').map((e) => e.textContent)).toEqual([
      'Enter your username.',
      'Enter your password.',
    ]);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { SetupForm } from './SetupForm';

async function fillAndSubmit(password: string): Promise<void> {
  await userEvent.type(screen.getByLabelText(/^Mã thiết lập/), 'setup-token');
  await userEvent.type(screen.getByLabelText('Tên đăng nhập'), 'quantri');
  await userEvent.type(screen.getByLabelText(/^Mật khẩu/), password);
  await userEvent.type(screen.getByLabelText('Nhập lại mật khẩu'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Tạo quản trị viên và đăng nhập' }));
}

describe('SetupForm', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  // The API words its refusals in English; a Vietnamese form must not show that text.
  it('shows the server’s password refusal in Vietnamese beside the password', async () => {
    stubFetch(
      on('POST', '/api/v1/auth/setup', {
        status: 400,
        body: {
          error: {
            code: 'PASSWORD_WEAK',
            message: 'password is too easy to guess: use a longer passphrase of unrelated words',
          },
        },
      }),
    );
    render(<SetupForm onSignedIn={() => undefined} />);
    await fillAndSubmit('aaaaaaaaaaaa');
    const alert = await screen.findByText(/Mật khẩu quá dễ đoán/);
    expect(alert.textContent).not.toMatch(/easy to guess/);
    expect(document.body.textContent).not.toMatch(/passphrase/);
    expect(screen.getByLabelText(/^Mật khẩu/).getAttribute('aria-invalid')).toBe('true');
  });

  it('words every field refusal it knows in Vietnamese (a too-long password)', async () => {
    stubFetch(
      on('POST', '/api/v1/auth/setup', {
        status: 400,
        body: { error: { code: 'PASSWORD_TOO_LONG', message: 'password must have at most 256' } },
      }),
    );
    render(<SetupForm onSignedIn={() => undefined} />);
    await fillAndSubmit('một cụm từ dài gồm nhiều từ');
    expect((await screen.findByText('Mật khẩu quá dài.')).textContent).toBe('Mật khẩu quá dài.');
    expect(document.body.textContent).not.toMatch(/at most/);
  });
});

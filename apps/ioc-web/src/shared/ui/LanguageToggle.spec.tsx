// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useI18n } from '../i18n/useI18n';
import { setLang } from '../i18n/langStore';
import { LanguageToggle } from './LanguageToggle';

/** A heading in the current language beside the toggle, as every page has. */
function Page() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('login.title')}</h1>
      <LanguageToggle />
    </>
  );
}

describe('LanguageToggle', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    setLang('vi');
  });
  afterEach(cleanup);

  it('starts in Vietnamese, with its diacritics, and offers English', () => {
    render(<Page />);
    expect(screen.getByRole('heading').textContent).toBe('Đăng nhập');
    // Its accessible name is what it shows; the title says what it does.
    const toggle = screen.getByRole('button', { name: 'English' });
    expect(toggle.getAttribute('title')).toBe('Chuyển sang tiếng Anh');
    expect(toggle.getAttribute('lang')).toBe('en');
  });

  it('switches the whole page to English and back, remembering the choice', async () => {
    render(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading').textContent).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('ioc.lang')).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('heading').textContent).toBe('Đăng nhập');
    expect(document.documentElement.lang).toBe('vi');
  });

  it('keeps an explicit ?lang= in the address in step, so a reload keeps the choice', async () => {
    window.history.replaceState(null, '', '/wall/48?lang=vi&scene=2');
    render(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(window.location.search).toBe('?lang=en&scene=2');
  });
});

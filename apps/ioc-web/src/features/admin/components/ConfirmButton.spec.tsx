// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { ConfirmButton } from './ConfirmButton';

describe('ConfirmButton', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(cleanup);

  const renderButton = (onConfirm: () => Promise<void>) =>
    render(
      <ConfirmButton
        label="Thu hồi"
        question="Thu hồi mã màn hình này?"
        onConfirm={onConfirm}
        danger
      />,
    );

  it('asks once more and does nothing until confirmed', async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    renderButton(onConfirm);
    await userEvent.click(screen.getByRole('button', { name: 'Thu hồi' }));
    expect(screen.getByRole('group', { name: 'Thu hồi mã màn hình này?' })).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Không' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Thu hồi' })).toBeTruthy();
  });

  it('runs the action on confirmation, disabling the buttons meanwhile', async () => {
    let finish: () => void = () => undefined;
    const onConfirm = vi.fn(() => new Promise<void>((r) => (finish = r)));
    renderButton(onConfirm);
    await userEvent.click(screen.getByRole('button', { name: 'Thu hồi' }));
    await userEvent.click(screen.getByRole('button', { name: 'Đồng ý' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Đồng ý' })).toHaveProperty('disabled', true);
    finish();
    expect(await screen.findByRole('button', { name: 'Thu hồi' })).toBeTruthy();
  });

  it('says why the action failed, next to the button', async () => {
    renderButton(() => Promise.reject(new Error('Máy chủ không trả lời')));
    await userEvent.click(screen.getByRole('button', { name: 'Thu hồi' }));
    await userEvent.click(screen.getByRole('button', { name: 'Đồng ý' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Máy chủ không trả lời/);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { ProgressForm } from './ProgressForm';

const PATH = '/api/v1/tasks/t-1/progress';

const photo = (name: string, bytes = 10) => {
  const f = new File(['x'], name, { type: 'image/jpeg' });
  Object.defineProperty(f, 'size', { value: bytes });
  return f;
};

describe('ProgressForm', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const form = (onPosted = vi.fn()) => {
    render(<ProgressForm taskId="t-1" progress={20} status="overdue" onPosted={onPosted} />);
    return onPosted;
  };

  it('starts from the task’s progress, an overdue task counting as in progress', () => {
    stubFetch();
    form();
    expect(screen.getByLabelText<HTMLInputElement>('Tiến độ (%)').value).toBe('20');
    expect(screen.getByLabelText<HTMLSelectElement>('Tình trạng').value).toBe('in_progress');
  });

  it('sends nothing for a percent outside 0–100 or not whole', async () => {
    const calls = stubFetch();
    form();
    const percent = screen.getByLabelText('Tiến độ (%)');
    for (const bad of ['120', '12.5', '-0']) {
      await userEvent.clear(percent);
      await userEvent.type(percent, bad);
      await userEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật' }));
    }
    // The browser's own check (min, max, step) stops most; the form's catches the rest.
    expect(screen.getByRole('alert').textContent).toBe('Tiến độ phải là số nguyên từ 0 đến 100.');
    expect(calls).toEqual([]);
  });

  it('refuses too many photos and a photo over 10 MB by name', async () => {
    const calls = stubFetch();
    form();
    const input = screen.getByLabelText('Ảnh minh chứng (chụp bằng máy ảnh hoặc chọn tệp)');
    await userEvent.upload(
      input,
      ['1', '2', '3', '4', '5', '6'].map((n) => photo(`${n}.jpg`)),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật' }));
    expect(screen.getByRole('alert').textContent).toBe('Chỉ gửi được tối đa 5 tệp mỗi lần.');
    await userEvent.upload(input, [photo('nho.jpg'), photo('bien-ban.jpg', 11 * 2 ** 20)]);
    await userEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật' }));
    expect(screen.getByRole('alert').textContent).toBe('Tệp bien-ban.jpg lớn hơn 10 MB.');
    expect(calls).toEqual([]);
  });

  it('posts the update as a form with its photos, then clears the note and tells the page', async () => {
    const calls = stubFetch(on('POST', PATH, { status: 204 }));
    const onPosted = form();
    const percent = screen.getByLabelText('Tiến độ (%)');
    await userEvent.clear(percent);
    await userEvent.type(percent, '60');
    await userEvent.type(screen.getByLabelText('Ghi chú'), '  Đã dọn xong tuyến 1  ');
    await userEvent.upload(
      screen.getByLabelText('Ảnh minh chứng (chụp bằng máy ảnh hoặc chọn tệp)'),
      photo('tuyen-1.jpg'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật' }));
    expect((await screen.findByRole('status')).textContent).toBe('Đã gửi cập nhật tiến độ.');
    expect(onPosted).toHaveBeenCalledTimes(1);
    const sent = calls[0]?.body as FormData;
    expect(sent.get('progress')).toBe('60');
    expect(sent.get('status')).toBe('in_progress');
    expect(sent.get('note')).toBe('Đã dọn xong tuyến 1');
    expect((sent.getAll('evidence') as File[]).map((f) => f.name)).toEqual(['tuyen-1.jpg']);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Ghi chú').value).toBe('');
  });

  it('says why the API refused the update, and lets the operator try again', async () => {
    stubFetch(
      on('POST', PATH, {
        status: 403,
        body: { error: { code: 'FORBIDDEN_SCOPE', message: 'task outside your unit' } },
      }),
    );
    const onPosted = form();
    await userEvent.click(screen.getByRole('button', { name: 'Gửi cập nhật' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe('Không gửi được: task outside your unit');
    });
    expect(onPosted).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Gửi cập nhật' })).toHaveProperty('disabled', false);
  });
});

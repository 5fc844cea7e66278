// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { on, stubFetch } from '../../../shared/testing/fetchStub';
import { CameraTestView } from './CameraTestView';

const VIEW = '/api/v1/cameras/tq-cong-1/view';

describe('CameraTestView', () => {
  beforeEach(() => {
    setLang('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for a viewing token as a screen does and shows its expiry and URLs', async () => {
    const calls = stubFetch(
      on('POST', VIEW, {
        body: {
          cameraId: 'tq-cong-1',
          token: 'iocv1.abc',
          expiresAt: '2026-12-07T21:05:00.000Z',
          whepUrl: 'https://ioc.example/media/whep/tq/1/whep?token=iocv1.abc',
          hlsUrl: null,
          snapshotUrl: null,
        },
      }),
    );
    render(<CameraTestView cameraId="tq-cong-1" />);
    expect(await screen.findByTestId('camera-test-expiry')).toHaveProperty(
      'textContent',
      expect.stringMatching(/^The viewing token expires at /),
    );
    const test = screen.getByTestId('camera-test');
    expect(test.textContent).toContain('https://ioc.example/media/whep/tq/1/whep?token=iocv1.abc');
    // A URL the grant lacks is said to be missing, not left blank.
    expect(test.textContent).toContain('None (no path, or no media server configured)');
    // The wall's player plays it in the slot (asking for its own token, as a screen does).
    expect(screen.getByTestId('camera-player-slot').querySelector('[data-state]')).not.toBeNull();
    expect(new Set(calls.map((c) => `${c.method} ${c.url}`))).toEqual(new Set([`POST ${VIEW}`]));

    // "Get a new token" asks again.
    const before = calls.length;
    await userEvent.click(screen.getByRole('button', { name: 'Get a new token' }));
    await screen.findByTestId('camera-test-expiry');
    expect(calls.length).toBeGreaterThan(before);
  });

  it('explains a media server that is not configured, in the reader’s language', async () => {
    setLang('vi');
    stubFetch(
      on('POST', VIEW, {
        status: 503,
        body: { error: { code: 'MEDIA_SERVER_NOT_CONFIGURED', message: 'No media server' } },
      }),
    );
    render(<CameraTestView cameraId="tq-cong-1" />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Chưa cấu hình máy chủ media (MEDIA_WHEP_URL, MEDIA_HLS_URL)',
    );
  });
});

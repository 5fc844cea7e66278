import { describe, expect, it } from 'vitest';
import { lastSeenAgo, previewScale, scenePreviewPath } from './screens';

describe('lastSeenAgo', () => {
  const at = '2026-12-07T08:00:00.000Z';
  const plus = (ms: number) => Date.parse(at) + ms;

  it('says "just now" under a minute, also for a report stamped ahead of this clock', () => {
    expect(lastSeenAgo(at, plus(59_000))).toEqual({ key: 'wallScreens.ago.now', n: 0 });
    expect(lastSeenAgo(at, plus(-5_000))).toEqual({ key: 'wallScreens.ago.now', n: 0 });
  });

  it('counts whole minutes, hours and days', () => {
    expect(lastSeenAgo(at, plus(2 * 60_000 + 30_000))).toEqual({
      key: 'wallScreens.ago.minutes',
      n: 2,
    });
    expect(lastSeenAgo(at, plus(3 * 3_600_000))).toEqual({ key: 'wallScreens.ago.hours', n: 3 });
    expect(lastSeenAgo(at, plus(50 * 3_600_000))).toEqual({ key: 'wallScreens.ago.days', n: 2 });
  });
});

describe('scenePreviewPath', () => {
  it('pins the scene on a kiosk wall that does not report in', () => {
    const url = new URL(scenePreviewPath('20275', 'air'), 'http://x');
    expect(url.pathname).toBe('/wall');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      unit: '20275',
      scene: 'air',
      kiosk: '1',
      preview: '1',
    });
  });
});

describe('previewScale', () => {
  it('scales a 1920-wide wall to the box', () => {
    expect(previewScale(480)).toBe(0.25);
  });
});

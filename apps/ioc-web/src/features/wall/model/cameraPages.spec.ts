import { describe, expect, it } from 'vitest';
import { cameraPageAt } from './cameraPages';

const ids = Array.from({ length: 10 }, (_, i) => `cam-${String(i + 1)}`);

describe('cameraPageAt', () => {
  it('shows everything on one page when it fits', () => {
    const p = cameraPageAt({
      ids: ids.slice(0, 3),
      layout: '2x2',
      slot: { rotating: true, progress: 0.9 },
      durationSec: 60,
      now: 0,
    });
    expect(p).toEqual({ ids: ['cam-1', 'cam-2', 'cam-3'], page: 0, pages: 1 });
  });

  it('splits a rotating scene’s time between its pages', () => {
    const at = (progress: number) =>
      cameraPageAt({
        ids,
        layout: '2x2',
        slot: { rotating: true, progress },
        durationSec: 60,
        now: 0,
      });
    expect(at(0)).toEqual({ ids: ['cam-1', 'cam-2', 'cam-3', 'cam-4'], page: 0, pages: 3 });
    expect(at(0.34).ids).toEqual(['cam-5', 'cam-6', 'cam-7', 'cam-8']);
    expect(at(0.99)).toEqual({ ids: ['cam-9', 'cam-10'], page: 2, pages: 3 });
  });

  it('turns the pages of a still scene every durationSec from the epoch', () => {
    const at = (now: number) =>
      cameraPageAt({
        ids,
        layout: '3x3',
        slot: { rotating: false, progress: 0 },
        durationSec: 20,
        now,
      });
    expect(at(0).page).toBe(0);
    expect(at(19_999).page).toBe(0);
    expect(at(20_000)).toEqual({ ids: ['cam-10'], page: 1, pages: 2 });
    expect(at(40_000).page).toBe(0);
  });
});

import { defaultWallDisplay, MIN_TEXT_ARC_MINUTES } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import {
  LAYOUT_REM,
  arcMinutesOf,
  heightForArcMinutes,
  wallSizeMm,
  wallType,
} from './wallTypography';

const HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

describe('wall typography', () => {
  it('measures a 2×2 wall of 55" panels as 2.44 × 1.37 m', () => {
    const s = wallSizeMm(defaultWallDisplay());
    expect(s.width).toBeCloseTo(2435.2, 0);
    expect(s.height).toBeCloseTo(1369.8, 0);
  });

  it('turns 18 arc-minutes at 5 m into 26.2 mm and back', () => {
    const h = heightForArcMinutes(18, 5);
    expect(h).toBeCloseTo(26.18, 2);
    expect(arcMinutesOf(h, 5)).toBeCloseTo(18, 6);
  });

  it('sizes 1rem of the default wall to just over 18′: 20.8 px at 1080p, 41.7 px at 4K', () => {
    const hd = wallType(defaultWallDisplay(), HD);
    const uhd = wallType(defaultWallDisplay(), UHD);
    expect(hd.remPx).toBeCloseTo(20.85, 1);
    expect(uhd.remPx).toBeCloseTo(41.69, 1);
    expect(hd.minArcMinutes).toBeGreaterThan(MIN_TEXT_ARC_MINUTES);
    expect(hd.minArcMinutes).toBeLessThan(MIN_TEXT_ARC_MINUTES * 1.02);
    expect(hd.capped).toBe(false);
    // The layout's own canvas fits the default wall.
    expect(HD.width / hd.remPx).toBeGreaterThanOrEqual(LAYOUT_REM.width);
    expect(HD.height / hd.remPx).toBeGreaterThanOrEqual(LAYOUT_REM.height);
  });

  it('grows text with distance until the layout would not fit, and says so', () => {
    const far = wallType({ ...defaultWallDisplay(), viewingDistanceM: 8 }, HD);
    expect(far.capped).toBe(true);
    expect(far.remPx).toBeCloseTo(
      Math.min(HD.width / LAYOUT_REM.width, HD.height / LAYOUT_REM.height),
      6,
    );
    expect(far.minArcMinutes).toBeLessThan(MIN_TEXT_ARC_MINUTES);
  });

  it('scales text with the per-wall setting where there is room', () => {
    const near = { ...defaultWallDisplay(), viewingDistanceM: 4 };
    const base = wallType(near, HD).remPx;
    expect(wallType({ ...near, textScale: 1.2 }, HD).remPx).toBeCloseTo(base * 1.2, 6);
  });

  it('gives a tiled wall (2×2 screens of 1080p) the same layout as one 4K output', () => {
    expect(wallType(defaultWallDisplay(), UHD).remPx / UHD.width).toBeCloseTo(
      wallType(defaultWallDisplay(), HD).remPx / HD.width,
      9,
    );
  });

  it('keeps a wall read from close up at its designed proportions', () => {
    const desk = wallType({ ...defaultWallDisplay(), viewingDistanceM: 0.6 }, HD);
    expect(desk.remPx).toBeCloseTo(1080 / 72, 6);
    expect(desk.minArcMinutes).toBeGreaterThan(MIN_TEXT_ARC_MINUTES);
  });
});

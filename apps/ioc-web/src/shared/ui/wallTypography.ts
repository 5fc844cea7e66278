import { MIN_TEXT_ARC_MINUTES, type WallDisplay } from '@ioc/contracts';

const MM_PER_INCH = 25.4;

/**
 * The smallest canvas, in rem, that the wall's layout is drawn for: header, map and panel
 * column with their row counts fit in it. The default wall (2×2 of 55" at 5 m) gives a
 * 93×52.3 rem canvas, so it is laid out at exactly the legible size.
 */
export const LAYOUT_REM = { width: 92, height: 51.5 } as const;

/** Sized 1% above the floor, so the browser's rounding of font sizes never lands under it. */
const MARGIN = 1.01;

/**
 * The largest canvas in rem the layout still looks designed at; beyond it (a wall read from
 * close up) text stops shrinking and the layout just has room to spare.
 */
const LAYOUT_MAX_REM = { width: 128, height: 72 } as const;

export interface Size {
  width: number;
  height: number;
}

/** Physical width and height (mm) of the panel grid, 16:9 panels side by side. */
export function wallSizeMm(d: WallDisplay): Size {
  const diagonal = d.panelDiagonalInch * MM_PER_INCH;
  const unit = diagonal / Math.hypot(16, 9);
  return { width: 16 * unit * d.panelCols, height: 9 * unit * d.panelRows };
}

/** Height (mm) that subtends `arcMinutes` at `distanceM`. */
export function heightForArcMinutes(arcMinutes: number, distanceM: number): number {
  const half = ((arcMinutes / 60) * Math.PI) / 180 / 2;
  return 2 * distanceM * 1000 * Math.tan(half);
}

/** Angular height (arc-minutes) of `heightMm` seen from `distanceM`. */
export function arcMinutesOf(heightMm: number, distanceM: number): number {
  return ((2 * Math.atan(heightMm / 2 / (distanceM * 1000)) * 180) / Math.PI) * 60;
}

/**
 * Millimetres per CSS px when `canvas` (the whole wall in CSS px: one screen, or every tile
 * of a tiled wall) fills the panels. The axis that gives the smaller pixel wins, so a canvas
 * whose shape differs from the panels' still never makes text smaller than asked.
 */
export function mmPerPx(d: WallDisplay, canvas: Size): number {
  const wall = wallSizeMm(d);
  return Math.min(wall.width / canvas.width, wall.height / canvas.height);
}

export interface WallType {
  /** The root font size: 1rem, the wall's smallest text. */
  remPx: number;
  /** What 1rem subtends at the configured distance. */
  minArcMinutes: number;
  /** The legible size (times the text scale) did not fit the layout and was capped. */
  capped: boolean;
}

/**
 * Sizes the wall's text for the people reading it: 1rem — the smallest text on the wall —
 * subtends MIN_TEXT_ARC_MINUTES at the viewing distance, times the wall's text scale. Capped so
 * the layout (LAYOUT_REM) still fits the canvas; floored so a wall read from close up keeps
 * its proportions instead of shrinking to footnotes.
 */
export function wallType(d: WallDisplay, canvas: Size): WallType {
  const perPx = mmPerPx(d, canvas);
  const wanted =
    (heightForArcMinutes(MIN_TEXT_ARC_MINUTES * MARGIN, d.viewingDistanceM) / perPx) * d.textScale;
  const fit = Math.min(canvas.width / LAYOUT_REM.width, canvas.height / LAYOUT_REM.height);
  const floor = Math.min(
    canvas.width / LAYOUT_MAX_REM.width,
    canvas.height / LAYOUT_MAX_REM.height,
  );
  const remPx = Math.max(floor, Math.min(wanted, fit));
  return {
    remPx,
    minArcMinutes: arcMinutesOf(remPx * perPx, d.viewingDistanceM),
    capped: wanted > fit + 1e-9,
  };
}

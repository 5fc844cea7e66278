import { describe, expect, it } from 'vitest';
import { canvasStyle, tileLayout } from './tiling';

describe('tiling', () => {
  it('numbers screens row by row from the top left', () => {
    expect(tileLayout({ cols: 3, rows: 2 }, 1)).toMatchObject({ col: 0, row: 0 });
    expect(tileLayout({ cols: 3, rows: 2 }, 3)).toMatchObject({ col: 2, row: 0 });
    expect(tileLayout({ cols: 3, rows: 2 }, 4)).toMatchObject({ col: 0, row: 1 });
    expect(tileLayout({ cols: 3, rows: 2 }, 6)).toMatchObject({ col: 2, row: 1 });
  });

  it('shows screen 5 of a 3×2 wall by sliding the 300vw × 200vh canvas', () => {
    expect(canvasStyle(tileLayout({ cols: 3, rows: 2 }, 5))).toEqual({
      width: '300vw',
      height: '200vh',
      transform: 'translate(-100vw, -100vh)',
    });
    expect(canvasStyle(tileLayout({ cols: 1, rows: 1 }, 1)).transform).toBe('translate(0vw, 0vh)');
  });
});

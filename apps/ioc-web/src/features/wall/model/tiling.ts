export interface TileLayout {
  cols: number;
  rows: number;
  /** 0-based column and row of this screen. */
  col: number;
  row: number;
}

/** Screen `tile` (1-based, row by row) of a cols×rows wall. */
export function tileLayout(tiles: { cols: number; rows: number }, tile: number): TileLayout {
  const index = Math.min(Math.max(1, tile), tiles.cols * tiles.rows) - 1;
  return {
    cols: tiles.cols,
    rows: tiles.rows,
    col: index % tiles.cols,
    row: Math.floor(index / tiles.cols),
  };
}

/**
 * CSS for the virtual canvas: every screen lays out the whole wall (cols screens wide, rows
 * high, in its own viewport units, so all screens compute the same layout) and slides it so
 * only its own tile shows. The map is one MapLibre canvas across the whole wall, so its camera
 * is continuous over the seams, and header and panels exist once.
 */
export function canvasStyle(t: TileLayout): {
  width: string;
  height: string;
  transform: string;
} {
  return {
    width: `${t.cols * 100}vw`,
    height: `${t.rows * 100}vh`,
    transform: `translate(${-t.col * 100}vw, ${-t.row * 100}vh)`,
  };
}

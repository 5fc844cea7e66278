import type { Color } from '@deck.gl/core';

/** The bundled UI font; deck.gl rasterises it into its glyph atlas once it has loaded. */
export const MAP_FONT_FAMILY = '"Be Vietnam Pro", system-ui, sans-serif';

/**
 * SDF glyphs so labels get a dark halo (outline) that keeps them legible over any fill colour.
 * A 64 px atlas keeps diacritics crisp (stacked marks such as "ệ", "ầ") at 4K sizes.
 */
export const MAP_FONT_SETTINGS = { sdf: true, fontSize: 64, buffer: 8, radius: 16 } as const;

export const LABEL_HALO: Color = [4, 10, 18, 235];

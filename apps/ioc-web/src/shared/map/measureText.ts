let context: CanvasRenderingContext2D | null | undefined;

/**
 * Width in CSS px of `text` in the map label font, measured with the same canvas text engine
 * deck.gl uses to build its glyph atlas. Falls back to an average glyph width without canvas.
 */
export function labelTextWidth(text: string, sizePx: number, fontFamily: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * sizePx * 0.6;
  context.font = `600 ${sizePx}px ${fontFamily}`;
  return context.measureText(text).width;
}

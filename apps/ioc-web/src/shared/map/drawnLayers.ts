import type { LayersList } from '@deck.gl/core';

/**
 * Names are drawn on canvas, where a screen check cannot read them. The element holding a Deck's
 * canvas carries, under this key, the layers that Deck was last given: deck.gl renders those
 * very instances, so a check can read the boxes the text layer laid out and drew (its glyph
 * layout, its viewport) instead of the boxes label placement asked for.
 */
export const DRAWN_LAYERS_KEY = Symbol.for('ioc.drawnLayers');

export function exposeDrawnLayers(host: HTMLElement, layers: LayersList): void {
  Object.defineProperty(host, DRAWN_LAYERS_KEY, { value: layers, configurable: true });
}

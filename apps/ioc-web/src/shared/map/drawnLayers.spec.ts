import { describe, expect, it } from 'vitest';
import { DRAWN_LAYERS_KEY, exposeDrawnLayers } from './drawnLayers';

describe('exposeDrawnLayers', () => {
  it('keeps the latest layers under the key screen checks read (Symbol.for, not a copy)', () => {
    const host = {} as HTMLElement;
    const first: never[] = [];
    const second: never[] = [];
    exposeDrawnLayers(host, first);
    exposeDrawnLayers(host, second);
    expect(DRAWN_LAYERS_KEY).toBe(Symbol.for('ioc.drawnLayers'));
    expect((host as unknown as Record<symbol, unknown>)[Symbol.for('ioc.drawnLayers')]).toBe(
      second,
    );
  });
});

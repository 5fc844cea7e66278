import { useMemo } from 'react';
import type { WardFeature } from '../api/schemas';
import { wallBounds, type Bounds } from './bounds';
import { halfPixelTolerance, simplifyWards } from './simplify';

/** Inset: ~30 px per degree, so 0.02° is still sub-pixel there. */
const INSET_TOLERANCE_DEG = 0.02;
const NONE: readonly WardFeature[] = [];

export interface DisplayWards {
  /** Extent the wall frames (mainland; far offshore zones go to the inset). */
  bounds: Bounds | null;
  /** Geometry simplified to half a pixel at that framing. */
  wards: readonly WardFeature[];
  /** Coarser geometry for the East Sea inset. */
  insetWards: readonly WardFeature[];
}

/** Prepares loaded ward geometry for this screen, once per load. */
export function useDisplayWards(loaded: readonly WardFeature[] | null): DisplayWards {
  return useMemo(() => {
    if (!loaded) return { bounds: null, wards: NONE, insetWards: NONE };
    const bounds = wallBounds(loaded);
    if (!bounds) return { bounds, wards: loaded, insetWards: loaded };
    // The map area is roughly three quarters of the screen's width.
    const tolerance = halfPixelTolerance(bounds, window.innerWidth * 0.75, window.innerHeight);
    const wards = simplifyWards(loaded, tolerance);
    return { bounds, wards, insetWards: simplifyWards(wards, INSET_TOLERANCE_DEG) };
  }, [loaded]);
}

import { useSyncExternalStore } from 'react';
import { rootRemPx, subscribeRootRem } from '../ui/rootRem';

/** Canvas sizes are written in px of a 16 px rem. */
const REF_REM_PX = 16;

function compute(): number {
  return Math.round((rootRemPx() / REF_REM_PX) * 1000) / 1000;
}

/**
 * Scale factor for canvas-drawn sizes (label px, dot radius): the page's rem over 16 px, so
 * map text is sized like the DOM text — on the wall, for the distance it is read from.
 */
export function useUiScale(): number {
  return useSyncExternalStore(subscribeRootRem, compute);
}

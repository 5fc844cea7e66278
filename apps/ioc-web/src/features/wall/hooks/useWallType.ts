import type { WallDisplay } from '@ioc/contracts';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { setRootRem } from '../../../shared/ui/rootRem';
import type { TileLayout } from '../model/tiling';
import { wallType, type WallType } from '../../../shared/ui/wallTypography';

function viewport(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

/**
 * Sizes the wall's text for its physical display (see shared/ui/wallTypography.ts) and sets the page's
 * rem to it while the wall is mounted. The canvas is every tile of the wall together, so each
 * screen of a tiled wall computes the same size.
 */
export function useWallType(display: WallDisplay, layout: TileLayout): WallType {
  const [screen, setScreen] = useState(viewport);
  useEffect(() => {
    const onResize = (): void => {
      setScreen(viewport());
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
    };
  }, []);
  const type = useMemo(
    () =>
      wallType(display, {
        width: screen.width * layout.cols,
        height: screen.height * layout.rows,
      }),
    [display, screen, layout.cols, layout.rows],
  );
  // Before paint: the first frame is already laid out at the wall's size.
  useLayoutEffect(() => {
    setRootRem(type.remPx);
  }, [type.remPx]);
  useEffect(
    () => () => {
      setRootRem(null);
    },
    [],
  );
  return type;
}

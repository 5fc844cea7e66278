import type { CameraView, WallScene } from '@ioc/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MapCamera } from '../../../shared/map/sceneMap.types';
import { useCameras } from '../../../shared/video/useCameras';

/** An opened live view closes by itself: nobody may be at the wall to close it. */
const CAMERA_PANEL_TIMEOUT_MS = 5 * 60_000;

/**
 * The wall's cameras (its unit's; the API scopes a ward's screen to its ward), fetched only
 * when a scene shows them, and the one opened from the map.
 */
export function useWallCameras(unitCode: string, scenes: readonly WallScene[]) {
  const wanted = scenes.some((s) => s.kind === 'cameras' || s.overlays.includes('cameras'));
  const { data } = useCameras(unitCode, wanted);
  const list: readonly CameraView[] | null = data;
  const onMap = useMemo(
    (): MapCamera[] =>
      (list ?? []).map((c) => ({ id: c.id, name: c.name, kind: c.kind, lon: c.lon, lat: c.lat })),
    [list],
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const open = useCallback((id: string) => {
    setOpenId((current) => (current === id ? null : id));
  }, []);
  const close = useCallback(() => {
    setOpenId(null);
  }, []);
  useEffect(() => {
    if (openId === null) return undefined;
    const timer = setTimeout(close, CAMERA_PANEL_TIMEOUT_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [openId, close]);
  const opened = openId === null ? null : (list?.find((c) => c.id === openId) ?? null);
  return { list, onMap, opened, open, close };
}

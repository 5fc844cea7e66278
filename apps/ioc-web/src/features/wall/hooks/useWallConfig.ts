import { defaultWallDisplay, defaultWallScenes, type WallConfig } from '@ioc/contracts';
import { useMemo } from 'react';
import { fetchWallConfig } from '../../../shared/api/endpoints';
import type { PolledSnapshot } from '../model/polledResource';
import { usePolled } from './usePolled';

/** Admins' changes reach every screen within a minute. */
const CONFIG_REFRESH_MS = 60_000;

export interface WallConfigState {
  config: WallConfig;
  snapshot: PolledSnapshot<WallConfig | null>;
}

/**
 * The unit's wall config, refetched every minute. Until the first answer, and while the API
 * has no config route (404), the built-in scenes; after a failure, the last config loaded, so
 * an API restart never changes what the wall rotates through.
 */
export function useWallConfig(unitCode: string, kick?: unknown): WallConfigState {
  const { snapshot } = usePolled<WallConfig | null>(
    `wall-config:${unitCode}`,
    {
      load: (signal) => fetchWallConfig(unitCode, signal),
      asOfOf: (c) => c?.updatedAt ?? null,
      intervalMs: CONFIG_REFRESH_MS,
    },
    kick,
  );
  const config = useMemo<WallConfig>(
    () =>
      snapshot.data ?? {
        unitCode,
        rotate: true,
        scenes: defaultWallScenes(),
        display: defaultWallDisplay(),
        updatedAt: null,
        updatedBy: null,
      },
    [snapshot.data, unitCode],
  );
  return { config, snapshot };
}

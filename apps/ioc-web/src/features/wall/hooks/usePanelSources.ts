import { fetchFleet, fetchScorecard } from '../../../shared/api/endpoints';
import type { Fleet, Scorecard } from '../../../shared/api/schemas';
import type { PolledSnapshot } from '../model/polledResource';
import { usePolled } from './usePolled';

/** Indicator reports arrive monthly; five minutes is plenty and cheap. */
export const SCORECARD_REFRESH_MS = 5 * 60_000;
export const FLEET_REFRESH_MS = 60_000;

export interface PanelSources {
  scorecard: PolledSnapshot<Scorecard>;
  fleet: PolledSnapshot<Fleet>;
}

/** The REST sources of the wall's cards (alerts have their own hook: they are also pushed). */
export function usePanelSources(unitCode: string, kick: unknown): PanelSources {
  const scorecard = usePolled<Scorecard>(
    `scorecard:${unitCode}`,
    {
      load: (signal) => fetchScorecard(unitCode, signal),
      asOfOf: (s) => s.asOf,
      intervalMs: SCORECARD_REFRESH_MS,
    },
    kick,
  );
  const fleet = usePolled<Fleet>(
    `fleet:${unitCode}`,
    {
      load: (signal) => fetchFleet(unitCode, signal),
      asOfOf: (f) => f.asOf,
      intervalMs: FLEET_REFRESH_MS,
    },
    kick,
  );
  return { scorecard: scorecard.snapshot, fleet: fleet.snapshot };
}

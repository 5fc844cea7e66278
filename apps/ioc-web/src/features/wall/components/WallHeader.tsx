import type { ReactNode } from 'react';
import type { SocketPhase } from '../../../shared/live/wsClient';
import { LanguageToggle } from '../../../shared/ui/LanguageToggle';
import { ConnectionStatus } from './ConnectionStatus';
import { DataFreshness } from './DataFreshness';
import { WallClock } from './WallClock';

export interface WallHeaderProps {
  /** The unit's name: what the room reads first. */
  title: string;
  /** The centre's name above it, smaller (null when the unit is not loaded yet). */
  kicker: string | null;
  phase: SocketPhase;
  asOf: string | null;
  stale: boolean;
  now: number;
  /** The current scene's title and progress, between the brand and the status. */
  sceneBar?: ReactNode;
}

export function WallHeader({ title, kicker, phase, asOf, stale, now, sceneBar }: WallHeaderProps) {
  return (
    <header className="wall-header">
      <div className="wall-brand">
        <span className="wall-emblem" aria-hidden="true" />
        <div className="wall-titles">
          {kicker && (
            <p className="wall-kicker" title={kicker}>
              {kicker}
            </p>
          )}
          <h1 className="wall-title" data-testid="wall-title" title={title}>
            {title}
          </h1>
        </div>
      </div>
      {sceneBar}
      <div className="wall-status">
        <div className="wall-status-stack">
          <ConnectionStatus phase={phase} />
          <DataFreshness asOf={asOf} stale={stale} />
        </div>
        <WallClock now={now} />
        <LanguageToggle />
      </div>
    </header>
  );
}

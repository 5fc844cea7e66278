import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
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
  /**
   * The wards are drawn as approximate cells (a province imported without boundaries). Said in
   * the header, where the room reads first, so no one takes the cells for the real wards.
   */
  approximate?: boolean;
  /** false on a kiosk wall: no language toggle (the wall shows its configured language). */
  controls?: boolean;
}

export function WallHeader({
  title,
  kicker,
  phase,
  asOf,
  stale,
  now,
  sceneBar,
  approximate = false,
  controls = true,
}: WallHeaderProps) {
  const { t } = useI18n();
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
          {approximate && (
            <p className="wall-approximate" data-testid="wall-approximate" role="note">
              {t('wall.approximateBoundaries')}
            </p>
          )}
        </div>
      </div>
      {sceneBar}
      <div className="wall-status">
        <div className="wall-status-stack">
          <ConnectionStatus phase={phase} />
          <DataFreshness asOf={asOf} stale={stale} />
        </div>
        <WallClock now={now} />
        {controls && <LanguageToggle />}
      </div>
    </header>
  );
}

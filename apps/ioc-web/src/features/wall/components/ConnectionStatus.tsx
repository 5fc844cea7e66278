import { useI18n } from '../../../shared/i18n/useI18n';
import type { SocketPhase } from '../../../shared/live/wsClient';

/** Live-link indicator. The hidden twin carries a stable 'open'/'closed' value for tests. */
export function ConnectionStatus({ phase }: { phase: SocketPhase }) {
  const { t } = useI18n();
  return (
    <div className={`ws-pill ws-${phase}`} role="status">
      <span className="ws-dot" aria-hidden="true" />
      <span>{t(`ws.${phase}`)}</span>
      <span className="sr-only" data-testid="ws-status" data-phase={phase}>
        {phase === 'open' ? 'open' : 'closed'}
      </span>
    </div>
  );
}

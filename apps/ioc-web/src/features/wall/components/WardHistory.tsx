import '../wardHistory.css';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { LazyHistoryView } from '../../../shared/history/LazyHistoryView';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { DeviceState } from '../../../shared/live/deviceStore';

export interface WardHistoryProps {
  code: string;
  name: string;
  devices: readonly DeviceState[];
  /** The scene's metric, charted first when the ward reports it. */
  metric: string | null;
  onClose: () => void;
}

/**
 * A ward's history over the wall (issue 20.5): read-only, in the wall's dark theme and large
 * type, over the whole screen until closed (or Escape). The view itself loads on first use.
 */
export function WardHistory({ code, name, devices, metric, onClose }: WardHistoryProps) {
  const { t } = useI18n();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const metrics = [...new Set(devices.flatMap((d) => [...d.latest.keys()]))];
  // On the page's body: the panel's column drifts (burn-in transform) and clips, which would
  // hold a fixed overlay inside it.
  return createPortal(
    <div
      className="ward-history"
      role="dialog"
      aria-modal="true"
      aria-labelledby="history-title"
      data-testid="ward-history"
      data-ward={code}
    >
      <button
        type="button"
        className="ward-history-close"
        data-testid="ward-history-close"
        onClick={onClose}
      >
        {t('history.close')}
      </button>
      <LazyHistoryView
        variant="wall"
        target={{ kind: 'ward', code }}
        name={name}
        metrics={metrics}
        initialMetric={metric}
      />
    </div>,
    document.body,
  );
}

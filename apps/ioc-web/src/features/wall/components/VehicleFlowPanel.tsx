import '../vehicleFlow.css';
import { useEffect, useState } from 'react';
import {
  fetchCameraEventCounts,
  type CameraEventCounts,
} from '../../../shared/api/cameraEventCounts';
import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { usePolled } from '../hooks/usePolled';
import { isPolledStale } from '../model/polledResource';
import { vehicleFlow } from '../model/vehicleFlow';
import { PanelCard } from './PanelCard';

/** Counts change with each crossing; a minute is fresh enough for an hourly figure. */
const FLOW_REFRESH_MS = 60_000;

export interface VehicleFlowPanelProps {
  unitCode: string;
  /** Hours shown, newest last (fixed, so the column never overflows). */
  hours: number;
}

/**
 * Vehicles in and out per hour from the AI cameras' plate reads and detections (the port gate):
 * the same counts as the rollups' `vehicles_in` / `vehicles_out`.
 */
export function VehicleFlowPanel({ unitCode, hours }: VehicleFlowPanelProps) {
  const { t, num } = useI18n();
  const { snapshot } = usePolled<CameraEventCounts>(`vehicle-flow:${unitCode}:${hours}`, {
    load: (signal) => fetchCameraEventCounts(unitCode, hours, signal),
    asOfOf: (c) => c.asOf,
    intervalMs: FLOW_REFRESH_MS,
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, FLOW_REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);
  const rows = vehicleFlow(snapshot.data, now, hours);
  return (
    <PanelCard
      name="vehicle-flow"
      title={t('cameraEvents.flow.title')}
      asOf={snapshot.asOf}
      stale={isPolledStale(snapshot, now, FLOW_REFRESH_MS * 2.5)}
    >
      <table
        className="vehicle-flow"
        data-testid="vehicle-flow"
        title={t('cameraEvents.flow.total', {
          hours: num(hours, 0),
          in: num(
            rows.reduce((n, r) => n + r.in, 0),
            0,
          ),
          out: num(
            rows.reduce((n, r) => n + r.out, 0),
            0,
          ),
        })}
      >
        <thead>
          <tr>
            <th scope="col">{t('cameraEvents.flow.hour')}</th>
            <th scope="col">{t('cameraEvents.flow.in')}</th>
            <th scope="col">{t('cameraEvents.flow.out')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.hour}
              data-hour={new Date(r.hour).toISOString()}
              data-in={r.in}
              data-out={r.out}
            >
              <th scope="row">{formatTime(new Date(r.hour), false)}</th>
              <td>{num(r.in, 0)}</td>
              <td>{num(r.out, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PanelCard>
  );
}

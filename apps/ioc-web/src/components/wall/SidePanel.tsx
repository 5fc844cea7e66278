import type { DeviceState } from '../../live/deviceStore';
import { DeviceValuesList } from './DeviceValuesList';
import { FleetSummary } from './FleetSummary';
import { MapLegend } from './MapLegend';
import { TopDevices } from './TopDevices';

export interface SidePanelProps {
  unitCount: number;
  online: number;
  total: number;
  showApproximate: boolean;
  top: readonly DeviceState[];
  recent: readonly DeviceState[];
  unitName: (code: string | null) => string;
}

export function SidePanel(props: SidePanelProps) {
  return (
    <aside className="wall-panel">
      <FleetSummary unitCount={props.unitCount} online={props.online} total={props.total} />
      <TopDevices devices={props.top} unitName={props.unitName} />
      <MapLegend showApproximate={props.showApproximate} />
      <DeviceValuesList devices={props.recent} />
    </aside>
  );
}

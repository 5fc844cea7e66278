import type { UnitSummary, WallScene } from '@ioc/contracts';
import type { WardFeature } from '../api/schemas';
import type { DeviceStore } from '../live/deviceStore';

/**
 * The contract between the wall page (scenes, panels) and the map (layers, legend, insets).
 * The page decides *what* is shown (scene, selection, alerts); the map decides *how*.
 */

/** An open alert the map draws as a pulsing marker. */
export interface MapAlert {
  id: string;
  severity: 'info' | 'warning' | 'critical';
  lon: number;
  lat: number;
}

/** An open citizen report the map draws as a dot in its age colour (red when overdue). */
export interface MapCasePoint {
  id: string;
  code: string;
  lon: number;
  lat: number;
  rgb: [number, number, number];
  overdue: boolean;
}

/** A registered camera the map draws by kind; a click opens it live (issue 15). */
export interface MapCamera {
  id: string;
  name: string;
  kind: 'traffic' | 'security' | 'port' | 'flood';
  lon: number;
  lat: number;
}

/** Status of a ward against its Resolution 57 targets (as the choropleth API reports it). */
export type WardStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target';

/** Ward values of the scene's measure, for the choropleth and the best/worst panel. */
export interface WardMeasure {
  /** Value per ward code; null = no data for that ward (drawn grey). */
  values: ReadonlyMap<string, number | null>;
  /** Status per ward code when the measure is an indicator with targets. */
  status: ReadonlyMap<string, WardStatus>;
  /** Unit of measure for display (µg/m³, m, %, …). */
  uom: string;
  /** Which end of the scale is good; decides "best" and "worst". */
  higherIsBetter: boolean;
  /** When the values were computed or reported (ISO); null before the first load. */
  asOf: string | null;
  /** The source is late (failed refreshes, or live data older than expected). */
  stale: boolean;
}

export interface SceneMapProps {
  unitCode: string;
  scene: WallScene;
  wards: readonly WardFeature[] | null;
  /** Units drawn around `wards` for orientation only (a ward wall's neighbours). */
  context?: readonly WardFeature[];
  children: ReadonlyMap<string, UnitSummary>;
  store: DeviceStore | null;
  /** Bumps on every live delta (deck.gl updateTriggers). */
  valueVersion: number;
  /** Bumps on the online/offline re-evaluation beat. */
  statusTick: number;
  alerts: readonly MapAlert[];
  /** Open citizen reports (drawn when the scene has the `citizen` overlay). */
  citizen: readonly MapCasePoint[];
  measure: WardMeasure;
  /** Cameras of the unit (drawn when the scene has the `cameras` overlay). */
  cameras?: readonly MapCamera[];
  onCameraClick?: (cameraId: string) => void;
  selectedWard: string | null;
  onWardClick: (code: string) => void;
  /** false on a kiosk wall: no pan, zoom or picking; the camera stays where the scene puts it. */
  interactive?: boolean;
}

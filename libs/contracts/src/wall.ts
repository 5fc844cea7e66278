/**
 * Wall scenes: what a video wall shows and for how long. Admins configure them per unit
 * (`PUT /api/v1/wall/config?unit=`); every screen of the wall reads the same config
 * (`GET /api/v1/wall/config?unit=`) and rotates through the enabled scenes on a shared clock, so
 * the tiles of an N×M canvas change scene together.
 */
export const SCENE_KINDS = [
  'overview',
  'air',
  'water',
  'traffic',
  'services',
  'alerts',
  'fleet',
  'tasks',
  'citizen',
  /** A grid of live camera tiles (issue 15), paged with the scene clock. */
  'cameras',
] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

/** What the ward choropleth of a scene is coloured by. */
export type SceneMeasure =
  /** Mean of a sensor metric over the wards' devices (live, from the device feed). */
  | { kind: 'metric'; metric: string }
  /** A Resolution 57 indicator for the current year (`/api/v1/indicators/:code/choropleth`). */
  | { kind: 'indicator'; code: string }
  | { kind: 'none' };

/** Map overlays a scene may turn on. */
export const SCENE_OVERLAYS = [
  'devices',
  'heatmap',
  'hexagon',
  'vessels',
  'alerts',
  /** Open citizen reports, coloured by age, red when overdue (issue 14). */
  'citizen',
  /** The unit's cameras by kind; a click opens the live view (issue 15). */
  'cameras',
] as const;
export type SceneOverlay = (typeof SCENE_OVERLAYS)[number];

export interface WallScene {
  /** Stable id within the config (letters, digits, dashes). */
  id: string;
  kind: SceneKind;
  /** Optional titles; the UI falls back to the translated name of the kind. */
  titleVi?: string;
  titleEn?: string;
  /** How long the scene stays on screen, 10–3600 s. */
  durationSec: number;
  enabled: boolean;
  measure: SceneMeasure;
  overlays: SceneOverlay[];
  /** A `cameras` scene's grid: its layout and the cameras it pages through, in order. */
  cameras?: SceneCameras;
}

/** Tiles of a camera-grid scene: 2×2 or 3×3 (a wall panel is read from metres away). */
export const CAMERA_GRID_LAYOUTS = ['2x2', '3x3'] as const;
export type CameraGridLayout = (typeof CAMERA_GRID_LAYOUTS)[number];

export interface SceneCameras {
  layout: CameraGridLayout;
  /** Camera ids; more than the layout holds are paged through while the scene is on. */
  ids: string[];
}

/**
 * The physical wall a config drives, so text is sized for the people reading it: its panels
 * (16:9, diagonal in inches, cols×rows of them) and how far the back row sits. The wall's
 * text is laid out so its smallest line subtends MIN_TEXT_ARC_MINUTES at that distance,
 * times `textScale` (the per-wall text-size setting).
 */
export interface WallDisplay {
  panelDiagonalInch: number;
  panelCols: number;
  panelRows: number;
  viewingDistanceM: number;
  textScale: number;
}

/**
 * Smallest angular height of any text on the wall, in arc-minutes: the legibility floor the
 * human-factors standards give for text read at a glance (ISO 9241-303 asks 16–18′ minimum).
 */
export const MIN_TEXT_ARC_MINUTES = 18;

/** The common IOC wall: 2×2 panels of 55", operators 5 m away. */
export function defaultWallDisplay(): WallDisplay {
  return { panelDiagonalInch: 55, panelCols: 2, panelRows: 2, viewingDistanceM: 5, textScale: 1 };
}

export interface WallConfig {
  unitCode: string;
  /** false: the wall stays on the first enabled scene. */
  rotate: boolean;
  scenes: WallScene[];
  display: WallDisplay;
  /** null while the unit still uses the built-in defaults. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The built-in scene set a unit uses until an admin saves its own. */
export function defaultWallScenes(): WallScene[] {
  const scene = (
    id: string,
    kind: SceneKind,
    measure: SceneMeasure,
    overlays: SceneOverlay[],
    durationSec = 45,
  ): WallScene => ({ id, kind, durationSec, enabled: true, measure, overlays });
  return [
    scene(
      'overview',
      'overview',
      { kind: 'metric', metric: 'pm25' },
      ['devices', 'alerts', 'cameras'],
      60,
    ),
    scene('air', 'air', { kind: 'metric', metric: 'pm25' }, ['heatmap', 'devices', 'alerts']),
    scene('water', 'water', { kind: 'metric', metric: 'water_level' }, [
      'devices',
      'vessels',
      'alerts',
    ]),
    scene('traffic', 'traffic', { kind: 'metric', metric: 'vehicle_count' }, [
      'hexagon',
      'devices',
      'cameras',
    ]),
    scene(
      'services',
      'services',
      { kind: 'indicator', code: 'dx.online_public_service_usage' },
      [],
    ),
    scene('alerts', 'alerts', { kind: 'none' }, ['alerts', 'devices']),
    scene('fleet', 'fleet', { kind: 'none' }, ['devices', 'vessels']),
    // Plan tasks (issue 13): overdue tasks by lead unit and those due this month.
    scene('tasks', 'tasks', { kind: 'none' }, ['alerts']),
    // Citizen reports (issue 14): open cases on the map by age, the queue, on-time and satisfaction.
    scene('citizen', 'citizen', { kind: 'none' }, ['citizen']),
  ];
}

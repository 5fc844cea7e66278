import { adminVi } from './messages/admin.vi';
import { adminCamerasVi } from './messages/adminCameras.vi';
import { adminConnectorsVi } from './messages/adminConnectors.vi';
import { dossiersVi } from './messages/dossiers.vi';
import { adminOpenDataVi } from './messages/adminOpenData.vi';
import { cameraVi } from './messages/camera.vi';
import { citizenVi } from './messages/citizen.vi';
import { citizenStaffVi } from './messages/citizenStaff.vi';
import { cameraEventsVi } from './messages/cameraEvents.vi';
import { commonVi } from './messages/common.vi';
import { historyVi } from './messages/history.vi';
import { loginVi } from './messages/login.vi';
import { mapVi } from './messages/map.vi';
import { openDataVi } from './messages/openData.vi';
import { reportsVi } from './messages/reports.vi';
import { tabletVi } from './messages/tablet.vi';
import { tasksVi } from './messages/tasks.vi';
import { wallVi } from './messages/wall.vi';
import { wallScreensVi } from './messages/wallScreens.vi';

/**
 * Vietnamese UI strings — the reference dictionary, one file per area under messages/. Its keys
 * define `MessageKey`; every other language must provide exactly the same keys (enforced by the
 * types of the area files and of `en`). Placeholders are written `{name}` and filled by
 * `translate`. Keys are prefixed with their area, so the spreads cannot collide.
 */
export const vi = {
  ...commonVi,
  ...wallVi,
  ...wallScreensVi,
  ...tabletVi,
  ...adminVi,
  ...adminOpenDataVi,
  ...adminCamerasVi,
  ...adminConnectorsVi,
  ...dossiersVi,
  ...loginVi,
  ...mapVi,
  ...tasksVi,
  ...reportsVi,
  ...citizenVi,
  ...citizenStaffVi,
  ...cameraEventsVi,
  ...openDataVi,
  ...historyVi,
  ...cameraVi,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;

import { adminEn } from './messages/admin.en';
import { adminCamerasEn } from './messages/adminCameras.en';
import { adminConnectorsEn } from './messages/adminConnectors.en';
import { dossiersEn } from './messages/dossiers.en';
import { adminOpenDataEn } from './messages/adminOpenData.en';
import { cameraEn } from './messages/camera.en';
import { citizenEn } from './messages/citizen.en';
import { citizenStaffEn } from './messages/citizenStaff.en';
import { cameraEventsEn } from './messages/cameraEvents.en';
import { commonEn } from './messages/common.en';
import { historyEn } from './messages/history.en';
import { loginEn } from './messages/login.en';
import { mapEn } from './messages/map.en';
import { openDataEn } from './messages/openData.en';
import { reportsEn } from './messages/reports.en';
import { tabletEn } from './messages/tablet.en';
import { tasksEn } from './messages/tasks.en';
import { wallEn } from './messages/wall.en';
import { wallScreensEn } from './messages/wallScreens.en';
import type { MessageKey } from './messages.vi';

/**
 * English UI strings. Typed as `Record<MessageKey, string>`: a missing key fails to compile, so
 * both dictionaries always have identical keys. Vietnamese place names keep their diacritics in
 * English too (official usage).
 */
export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...wallEn,
  ...wallScreensEn,
  ...tabletEn,
  ...adminEn,
  ...adminOpenDataEn,
  ...adminCamerasEn,
  ...adminConnectorsEn,
  ...dossiersEn,
  ...loginEn,
  ...mapEn,
  ...tasksEn,
  ...reportsEn,
  ...citizenEn,
  ...citizenStaffEn,
  ...cameraEventsEn,
  ...openDataEn,
  ...historyEn,
  ...cameraEn,
};

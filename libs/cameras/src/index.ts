export type { CameraGeo, CameraUnits, MediaPublisher, MediaServerUrls } from './ports';
export {
  CameraRepository,
  type CameraCredential,
  type CameraFields,
} from './repo/camera.repository';
export { CameraCredentialReader, type StoredCameraLogin } from './repo/camera-credential.reader';
export { CameraService, type CameraServiceDeps } from './services/camera.service';
export { CameraViewingService, type CameraViewingDeps } from './services/camera-viewing.service';
export {
  decideMediaAuth,
  tokenOf,
  type MediaAuthDecision,
  type MediaAuthDeps,
  type MediaAuthRefusal,
} from './view/media-auth';
export { ViewTokens, type TokenCheck, type TokenRefusal, type ViewGrant } from './view/view-token';

export { WallConfigService, type WallConfigDeps, type WallAudit } from './wall-config.service';
export { WallConfigRepository, type StoredWallConfig } from './wall-config.repository';
export {
  WallScreenService,
  type WallScreenDeps,
  type ReportingScreen,
} from './wall-screen.service';
export { WallScreenRepository, type StoredScreen } from './wall-screen.repository';
export { screenOnline } from './screen-status';

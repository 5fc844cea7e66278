export { WallConfigService, type WallConfigDeps, type WallAudit } from './wall-config.service';
export { WallConfigRepository, type StoredWallConfig } from './wall-config.repository';

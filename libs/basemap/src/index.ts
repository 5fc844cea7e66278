export {
  bboxesOverlap,
  readArchiveInfo,
  validBbox,
  type ArchiveInfo,
  type ArchiveTileType,
  type Bbox,
} from './archive-info';
export { BasemapArchiveRepository, type ActiveArchive } from './basemap-archive.repository';
export {
  archiveFileName,
  BasemapService,
  type BasemapServiceOptions,
  type ServedArchive,
} from './basemap.service';
export type { BasemapActor, BasemapRegion } from './ports';
export { writePmtiles, type PmtilesOptions, type PmtilesTile } from './testing/pmtiles-writer';

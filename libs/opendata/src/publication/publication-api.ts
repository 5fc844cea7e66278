export { PublicationRepository, type PublicSets } from './publication.repository';
export {
  PublicationService,
  type PublicationActor,
  type PublicationDeps,
} from './publication.service';
export {
  EMPTY_SNAPSHOT,
  PublicSnapshotSource,
  type PublicSnapshot,
  type PublicSnapshotDeps,
} from './public-snapshot';

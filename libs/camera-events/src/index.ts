export type {
  CountReading,
  EventCamera,
  EventCameras,
  EventCounts,
  EventCameraLogins,
  EventDeadLetters,
  EventUnits,
  OnvifConnector,
  OnvifSubscription,
  SnapshotFetcher,
} from './ports';
export { EventRejection, IGNORED, type ParsedEvent, type ParseOutcome } from './event';
export type { FormPart } from './parse/multipart';
export { parseHikvision, parseHikvisionForm, hikvisionType } from './parse/hikvision';
export { parseFrigate, frigateType } from './parse/frigate';
export { parseGeneric } from './parse/generic';
export { CameraEventRepository, type EventRecord } from './repo/event.repository';
export { EventSourceRepository, type EventSourceRecord } from './repo/source.repository';
export {
  CameraEventIntake,
  countReadings,
  type IntakeDeps,
  type IntakeResult,
} from './services/event-intake.service';
export {
  EventSourceService,
  secretMatches,
  sourceView,
  type EventSourceView,
} from './services/event-source.service';
export { CameraEventQueries, type EventListQuery } from './services/event-query.service';
export { CameraEventPruner } from './services/event-pruner';
export { snapshotPath } from './services/event-view';
export { FrigateListener, type FrigateListenerOptions } from './frigate/frigate-listener';
export { parseOnvifPull, onvifType } from './parse/onvif';
export { onvifAddress, type OnvifAddress } from './onvif/onvif-address';
export { onvifConnector } from './onvif/onvif-connector';
export { OnvifPuller, type OnvifPullerOptions } from './onvif/onvif-puller';

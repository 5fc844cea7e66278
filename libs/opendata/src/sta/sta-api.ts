// SensorThings API 1.1 (OGC 18-088), read-only, over the open_public_* views (issue 17).
export {
  StaService,
  STA_CONFORMANCE,
  type StaAnswer,
  type StaOptions,
  type StaRequest,
} from './sta.service';
export { SET_NAMES, type SetName } from './sta-model';

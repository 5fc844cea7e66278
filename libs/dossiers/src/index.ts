export type {
  ComputedIndicator,
  Contact,
  Delivery,
  DossierContacts,
  DossierIndicatorSink,
  DossierUnits,
  DossierWarningMessage,
  WarningChannels,
} from './ports';
export { DossierRepository, dossierView, type StoredDossier } from './repo/dossier.repository';
export { DossierService, runSource, type DossierServiceDeps } from './services/dossier.service';
export {
  FULL_PROCESS_SERVICES_INDICATOR,
  ONLINE_DOSSIERS_INDICATOR,
  onlineIndicators,
  rateOf,
  ratesBy,
} from './services/rates';
export {
  DossierWarnings,
  type DossierWarningsDeps,
  type WarningTick,
} from './warnings/dossier-warnings';
export { warningMessage, vnTime } from './warnings/messages';

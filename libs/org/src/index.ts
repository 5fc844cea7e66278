export {
  guessOfficeKind,
  officeFromLead,
  officeIdFor,
  slugify,
  type Office,
  type OfficeDraft,
} from './office';
export { OfficeRepository, type OfficeChanges } from './office.repository';
export { OfficeService } from './office.service';
export type { OrgActor, OrgUnits } from './ports';

// libs/citizen — citizen reports (phản ánh hiện trường): intake, working-day deadlines, the
// handling workflow, resident follow-up, stats and indicators. See README.md.
export { WorkCalendar } from './calendar/work-calendar';
export { vnDay, vnDayEnd, vnDayStart, vnMonth, vnMonthRange } from './calendar/vn-time';
export { boxAround, distanceMetres, roundPublic } from './intake/geo-distance';
export {
  checkPhotos,
  processPhoto,
  processPhotos,
  sniffPhotoType,
  type ProcessedPhoto,
} from './intake/photo-processing';
export { checkDescription, checkName, checkPhone, cleanText } from './intake/resident-text';
export {
  TRACKING_CODE_PATTERN,
  newTrackingCode,
  normaliseTrackingCode,
} from './intake/tracking-code';
export type {
  CitizenActor,
  CitizenIndicatorRow,
  CitizenOffices,
  CitizenUnits,
  IndicatorSink,
  PhotoUpload,
  ResidentNotice,
  ResidentNotifier,
  SubmissionClient,
  UnitLocator,
} from './ports';
export type { CitizenReportRecord } from './repo/report-record';
export { ReportRepository } from './repo/report.repository';
export { STATUS_VI, STEP_FROM, type CaseStep } from './services/case-steps';
export { noticeText } from './services/case-notices';
export { CitizenAppService } from './services/citizen-app.service';
export type { CitizenCaseOptions, CitizenOverdueSignal } from './services/case-options';
export { CitizenCaseService } from './services/citizen-case.service';
export { CitizenCategoryService } from './services/citizen-category.service';
export { CitizenIntakeService, type CitizenIntakeOptions } from './services/citizen-intake.service';
export { CitizenPublicService, type CitizenPublicOptions } from './services/citizen-public.service';
export { CitizenStatsService, type CitizenStatsOptions } from './services/citizen-stats.service';
export { citizenIndicatorRows } from './services/indicator-rows';
export { WorkHolidayService } from './services/work-holiday.service';
export { isOpen, isOverdue, toChanged } from './views/case-state';
export { toCaseView } from './views/case-view';
export { toMapItem, toPublicView } from './views/public-view';

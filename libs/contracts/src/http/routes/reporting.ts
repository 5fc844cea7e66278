import { z } from 'zod';
import { idParams } from '../common';
import {
  lateListQuery,
  lateListResponse,
  reportActionBody,
  reportExportQuery,
  reportMatrixQuery,
  reportMatrixResponse,
  reportPeriodDetailSchema,
  reportPeriodListQuery,
  reportPeriodListResponse,
  reportReasonBody,
  reportScheduleCreateBody,
  reportScheduleListQuery,
  reportScheduleListResponse,
  reportSchedulePatchBody,
  reportScheduleSchema,
} from '../reporting';
import { reportExportJsonSchema } from '../reporting-export';
import type { Bilingual, RouteContract } from './types';
import { READERS, SESSION, ok, route } from './types';

const REPORTS = 'Reports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function step(action: string, summary: Bilingual, reasonRequired: boolean): RouteContract {
  return route({
    method: 'POST',
    path: `/api/v1/reports/periods/{id}/${action}`,
    operationId: `${action}ReportPeriod`,
    tag: REPORTS,
    summary,
    description: {
      vi: 'Báo cáo đã phê duyệt bị khoá: mọi thay đổi trả 409 `REPORT_LOCKED` cho đến khi mở lại.',
      en: 'An approved report is locked: any change answers 409 `REPORT_LOCKED` until re-opened.',
    },
    security: SESSION,
    request: { params: idParams, body: reasonRequired ? reportReasonBody : reportActionBody },
    responses: { 200: ok(reportPeriodDetailSchema) },
    errors: [409],
  });
}

/** The monthly reporting cycle: periods, the matrix, the late list, steps, exports, schedules. */
export const REPORTING_ROUTES = [
  route({
    method: 'GET',
    path: '/api/v1/reports/periods',
    operationId: 'listReportPeriods',
    tag: REPORTS,
    summary: { vi: 'Các kỳ báo cáo', en: 'Reporting periods' },
    security: READERS,
    request: { query: reportPeriodListQuery },
    responses: { 200: ok(reportPeriodListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/reports/matrix',
    operationId: 'getReportMatrix',
    tag: REPORTS,
    summary: { vi: 'Ma trận báo cáo', en: 'The reporting matrix' },
    description: {
      vi: 'Đơn vị × nội dung phải báo cáo × trạng thái; đơn vị trễ hạn đứng đầu.',
      en: 'Reporters × what they owe × state; the late ones first.',
    },
    security: READERS,
    request: { query: reportMatrixQuery },
    responses: { 200: ok(reportMatrixResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/reports/late',
    operationId: 'listLateReports',
    tag: REPORTS,
    summary: { vi: 'Đơn vị trễ hạn báo cáo', en: 'Late reporters' },
    security: READERS,
    request: { query: lateListQuery },
    responses: { 200: ok(lateListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/reports/periods/{id}',
    operationId: 'getReportPeriod',
    tag: REPORTS,
    summary: { vi: 'Một kỳ báo cáo', en: 'One reporting period' },
    description: {
      vi: 'Kèm các chỉ tiêu và nhiệm vụ phải báo cáo, và các bước đã làm.',
      en: 'With the indicators and tasks owed, and the steps taken.',
    },
    security: READERS,
    request: { params: idParams },
    responses: { 200: ok(reportPeriodDetailSchema) },
  }),
  step('submit', { vi: 'Gửi báo cáo', en: 'Submit the report' }, false),
  step('return', { vi: 'Trả lại báo cáo (kèm lý do)', en: 'Return the report (reason)' }, true),
  step('approve', { vi: 'Phê duyệt báo cáo', en: 'Approve the report' }, false),
  step('reopen', { vi: 'Mở lại báo cáo (kèm lý do)', en: 'Re-open the report (reason)' }, true),
  route({
    method: 'GET',
    path: '/api/v1/reports/export.xlsx',
    operationId: 'exportReportXlsx',
    tag: REPORTS,
    summary: { vi: 'Xuất báo cáo tháng (.xlsx)', en: 'Export the report (.xlsx)' },
    description: {
      vi: 'Hai trang tính: "Chỉ tiêu" và "Nhiệm vụ"; cho một xã/phường hoặc cả tỉnh.',
      en: 'Two sheets, "Chỉ tiêu" (indicators) and "Nhiệm vụ" (tasks); one ward or the province.',
    },
    security: READERS,
    request: { query: reportExportQuery },
    responses: { 200: ok(z.string().meta({ format: 'binary' }), 'The workbook', XLSX) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/reports/export.json',
    operationId: 'exportReportJson',
    tag: REPORTS,
    summary: { vi: 'Xuất số liệu chỉ tiêu (gói tin)', en: 'Export indicator values (packets)' },
    description: {
      vi: 'Theo cấu trúc gói tin của QCVN 125:2021/BTTTT: danh mục chỉ tiêu, danh mục phân tổ, dữ liệu chỉ số.',
      en: 'Shaped after the QCVN 125:2021/BTTTT packets: indicator catalogue, disaggregation, KPI data.',
    },
    security: READERS,
    request: { query: reportExportQuery },
    responses: { 200: ok(reportExportJsonSchema) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/reports/schedules',
    operationId: 'listReportSchedules',
    tag: REPORTS,
    summary: { vi: 'Lịch báo cáo', en: 'Reporting schedules' },
    security: SESSION,
    request: { query: reportScheduleListQuery },
    responses: { 200: ok(reportScheduleListResponse) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/reports/schedules',
    operationId: 'createReportSchedule',
    tag: REPORTS,
    summary: { vi: 'Thêm lịch báo cáo', en: 'Add a reporting schedule' },
    security: SESSION,
    request: { body: reportScheduleCreateBody },
    responses: { 201: ok(reportScheduleSchema, 'Created') },
    errors: [409],
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/reports/schedules/{id}',
    operationId: 'updateReportSchedule',
    tag: REPORTS,
    summary: { vi: 'Sửa lịch báo cáo', en: 'Edit a reporting schedule' },
    security: SESSION,
    request: { params: idParams, body: reportSchedulePatchBody },
    responses: { 200: ok(reportScheduleSchema) },
  }),
];

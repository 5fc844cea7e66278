import {
  connectorCreateBody,
  connectorDeadLetterListResponse,
  connectorDryRunResponse,
  connectorIdParams,
  connectorListResponse,
  connectorPatchBody,
  connectorRunListResponse,
  connectorRunSchema,
  connectorViewSchema,
} from '../connectors';
import {
  dossierListQuery,
  dossierListResponse,
  dossierPushBody,
  dossierPushResponse,
  dossierStatsQuery,
  dossierStatsResponse,
} from '../dossiers';
import { NO_CONTENT, READERS, SESSION, ok, route, type RouteContract } from './types';

const CONNECTORS = 'Connectors';
const DOSSIERS = 'Dossiers';
const NO_SECRETS = {
  vi: 'Không bao giờ trả bí mật của hồ sơ xác thực (khoá, mật khẩu): chỉ `secretSet`.',
  en: 'Secrets of the auth profile (keys, passwords) are never returned: only `secretSet`.',
};

const byId = (
  method: RouteContract['method'],
  suffix: string,
  operationId: string,
  summary: RouteContract['summary'],
  rest: Partial<RouteContract> = {},
): RouteContract =>
  route({
    method,
    path: `/api/v1/connectors/{id}${suffix}`,
    operationId,
    tag: CONNECTORS,
    summary,
    security: SESSION,
    request: { params: connectorIdParams },
    responses: { 200: ok(connectorViewSchema) },
    ...rest,
  });

/**
 * Pull connectors to department systems (LGSP, REST, CSV, SOAP) — administrators only — and the
 * public-service dossiers they (or a push) bring in.
 */
export const CONNECTOR_ROUTES = [
  route({
    method: 'GET',
    path: '/api/v1/connectors',
    operationId: 'listConnectors',
    tag: CONNECTORS,
    summary: { vi: 'Danh sách kết nối', en: 'Connectors' },
    description: NO_SECRETS,
    security: SESSION,
    responses: { 200: ok(connectorListResponse) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/connectors',
    operationId: 'createConnector',
    tag: CONNECTORS,
    summary: { vi: 'Tạo kết nối', en: 'Create a connector' },
    description: {
      vi: 'Nguồn, phân trang, mốc đồng bộ, lịch (cron), ánh xạ JSONata và hồ sơ xác thực. Bí mật được mã hoá (AES-256-GCM) và không bao giờ được trả lại.',
      en: 'Source, paging, watermark, schedule (cron), JSONata mapping and auth profile. Secrets are sealed (AES-256-GCM) and never returned.',
    },
    security: SESSION,
    request: { body: connectorCreateBody },
    responses: { 201: ok(connectorViewSchema, 'Created') },
    errors: [409, 503],
  }),
  byId(
    'GET',
    '',
    'getConnector',
    { vi: 'Một kết nối', en: 'One connector' },
    { description: NO_SECRETS },
  ),
  byId(
    'PATCH',
    '',
    'updateConnector',
    { vi: 'Sửa kết nối', en: 'Edit a connector' },
    {
      request: { params: connectorIdParams, body: connectorPatchBody },
      description: {
        vi: '`auth` thay toàn bộ hồ sơ xác thực (kèm bí mật); bỏ trống thì giữ nguyên.',
        en: '`auth` replaces the whole profile (with its secrets); omitted, it is kept.',
      },
    },
  ),
  byId(
    'DELETE',
    '',
    'deleteConnector',
    { vi: 'Xoá kết nối', en: 'Remove a connector' },
    {
      responses: { 204: NO_CONTENT },
    },
  ),
  byId('POST', '/pause', 'pauseConnector', { vi: 'Tạm dừng kết nối', en: 'Pause a connector' }),
  byId('POST', '/resume', 'resumeConnector', { vi: 'Tiếp tục kết nối', en: 'Resume a connector' }),
  byId(
    'POST',
    '/dry-run',
    'dryRunConnector',
    { vi: 'Chạy thử', en: 'Dry run' },
    {
      description: {
        vi: 'Đọc nguồn và trả 20 bản ghi đầu đã ánh xạ; không ghi gì, không dời mốc đồng bộ.',
        en: 'Reads the source and answers the first 20 mapped records; writes nothing, moves no watermark.',
      },
      responses: { 200: ok(connectorDryRunResponse) },
      errors: [503],
    },
  ),
  byId(
    'POST',
    '/run',
    'runConnector',
    { vi: 'Đồng bộ ngay', en: 'Run now' },
    {
      description: {
        vi: 'Chạy một lượt từ mốc đã lưu (cả khi đang tạm dừng) và trả lượt chạy khi xong.',
        en: 'Runs once from the stored watermark (also when paused) and answers the finished run.',
      },
      responses: { 200: ok(connectorRunSchema) },
    },
  ),
  byId(
    'GET',
    '/runs',
    'listConnectorRuns',
    { vi: 'Lịch sử đồng bộ', en: 'Run history' },
    {
      responses: { 200: ok(connectorRunListResponse) },
    },
  ),
  byId(
    'GET',
    '/dead-letters',
    'listConnectorDeadLetters',
    { vi: 'Bản ghi bị loại', en: 'Rejected records' },
    {
      responses: { 200: ok(connectorDeadLetterListResponse) },
    },
  ),
  route({
    method: 'GET',
    path: '/api/v1/dossiers',
    operationId: 'listDossiers',
    tag: DOSSIERS,
    summary: { vi: 'Hồ sơ dịch vụ công của đơn vị', en: 'Public-service dossiers of a unit' },
    security: READERS,
    request: { query: dossierListQuery },
    responses: { 200: ok(dossierListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/dossiers/stats',
    operationId: 'getDossierStats',
    tag: DOSSIERS,
    summary: { vi: 'Tỷ lệ đúng hạn, quá hạn', en: 'On-time and overdue rates' },
    description: {
      vi: 'Theo đơn vị và theo lĩnh vực: đúng hạn / đã giải quyết, quá hạn / tổng số.',
      en: 'Per unit and per field: on time / finished, overdue / all.',
    },
    security: READERS,
    request: { query: dossierStatsQuery },
    responses: { 200: ok(dossierStatsResponse) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/dossiers',
    operationId: 'pushDossiers',
    tag: DOSSIERS,
    summary: { vi: 'Gửi hồ sơ dịch vụ công', en: 'Push dossiers' },
    description: {
      vi: 'Ghi theo mã hồ sơ (gửi lại thì cập nhật). Bản ghi lỗi được liệt kê, các bản ghi khác vẫn được lưu.',
      en: 'Stored by dossier code (re-sent: updated). Bad records are listed; the others are stored.',
    },
    security: SESSION,
    request: { body: dossierPushBody },
    responses: { 200: ok(dossierPushResponse) },
  }),
];

import { z } from 'zod';
import { healthSchema, textBody, webConfigSchema } from '../platform';
import { PUBLIC, ok, route } from './types';

/** The platform itself: health, metrics, the web app's settings and this reference. */
export const PLATFORM_ROUTES = [
  route({
    method: 'GET',
    path: '/api/v1/health',
    operationId: 'getHealth',
    tag: 'Platform',
    summary: { vi: 'Tình trạng hệ thống', en: 'Health' },
    description: {
      vi: '200 khi CSDL và broker trả lời, 503 (cùng nội dung) nếu không — bộ cân bằng tải dựa vào mã trạng thái.',
      en: '200 when the database and broker answer, 503 (same body) otherwise — load balancers act on the status.',
    },
    security: PUBLIC,
    responses: { 200: ok(healthSchema), 503: ok(healthSchema, 'Degraded') },
  }),
  route({
    method: 'GET',
    path: '/metrics',
    operationId: 'getMetrics',
    tag: 'Platform',
    summary: { vi: 'Số đo Prometheus', en: 'Prometheus metrics' },
    description: {
      vi: 'Bộ đếm tiếp nhận, độ trễ ghi, độ sâu bộ đệm, số đo tiến trình. `METRICS_TOKEN` hoặc phiên quản trị viên.',
      en: 'Ingest counters, writer latency, buffer depth, process stats. `METRICS_TOKEN` or an administrator session.',
    },
    security: ['metricsToken', 'session'],
    responses: { 200: ok(textBody, 'Prometheus text exposition', 'text/plain') },
  }),
  route({
    method: 'GET',
    path: '/api/v1/web-config',
    operationId: 'getWebConfig',
    tag: 'Platform',
    summary: { vi: 'Cấu hình công khai của ứng dụng web', en: "The web app's public settings" },
    security: PUBLIC,
    responses: { 200: ok(webConfigSchema) },
  }),
  route({
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    tag: 'Reference',
    summary: { vi: 'Mô tả OpenAPI 3.1 của API', en: 'The OpenAPI 3.1 description of this API' },
    security: PUBLIC,
    responses: { 200: ok(z.record(z.string(), z.unknown()), 'This document') },
  }),
  route({
    method: 'GET',
    path: '/api/docs',
    operationId: 'getApiDocs',
    tag: 'Reference',
    summary: { vi: 'Tài liệu API (trang web)', en: 'API reference (web page)' },
    description: {
      vi: 'Trang đọc được của tài liệu này, phục vụ hoàn toàn từ máy chủ (không cần Internet).',
      en: 'A readable page of this document, served entirely by this server (no Internet needed).',
    },
    security: PUBLIC,
    responses: { 200: ok(textBody, 'HTML', 'text/html') },
  }),
  route({
    method: 'GET',
    path: '/api/docs/{file}',
    operationId: 'getApiDocsAsset',
    tag: 'Reference',
    summary: { vi: 'Tệp của trang tài liệu', en: 'A file of the reference page' },
    security: PUBLIC,
    request: { params: z.object({ file: z.string().regex(/^[a-z0-9.-]+$/) }) },
    responses: { 200: ok(textBody, 'Script, style sheet or image', 'application/octet-stream') },
  }),
];

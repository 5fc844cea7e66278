import { z } from 'zod';
import { PUBLIC, ok, route, type RouteContract } from './types';

const TAG = 'SensorThings API (open data)';

/** OGC 18-088 JSON: entity sets, entities and properties; the standard defines it, not us. */
const staBody = z.record(z.string(), z.unknown()).meta({ id: 'StaResponse' });

/**
 * OGC SensorThings API 1.1, read-only and public: the service root, and every resource path
 * below it (`/Things('x')/Datastreams?$filter=…&$expand=…`) through one route.
 */
export const STA_ROUTES: readonly RouteContract[] = [
  route({
    method: 'GET',
    path: '/sta/v1.1',
    operationId: 'staServiceRoot',
    tag: TAG,
    summary: {
      vi: 'Gốc dịch vụ SensorThings: các tập thực thể và lớp tuân thủ',
      en: 'SensorThings service root: entity sets and conformance classes',
    },
    security: PUBLIC,
    responses: { 200: ok(staBody) },
    errors: [429],
  }),
  route({
    method: 'GET',
    path: '/sta/v1.1/*',
    operationId: 'staResource',
    tag: TAG,
    summary: {
      vi: 'Tài nguyên SensorThings (Things, Datastreams, Observations…) với $filter, $expand, $select, $orderby, $top, $skip, $count',
      en: 'SensorThings resources (Things, Datastreams, Observations…) with $filter, $expand, $select, $orderby, $top, $skip, $count',
    },
    description: {
      vi: 'Chỉ đọc dữ liệu đã công bố; vị trí được làm tròn theo cài đặt dữ liệu mở. Xem docs/open-data.md.',
      en: 'Only published data is read; positions are rounded per the open-data setting. See docs/open-data.md.',
    },
    security: PUBLIC,
    responses: { 200: ok(staBody) },
    errors: [400, 404, 429],
  }),
];

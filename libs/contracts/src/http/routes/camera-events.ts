import { z } from 'zod';
import {
  cameraEventCountsQuery,
  cameraEventCountsResponse,
  cameraEventIdParams,
  cameraEventIntakeResponse,
  cameraEventListQuery,
  cameraEventListResponse,
  cameraEventSchema,
  cameraEventSourceCreateBody,
  cameraEventSourceIssuedSchema,
  cameraEventSourceListResponse,
  cameraEventSourceParams,
  cameraEventSourcePatchBody,
  cameraEventSnapshotQuery,
  cameraEventWebhookQuery,
  genericCameraEventBody,
} from '../camera-events';
import { idParams } from '../common';
import { cameraIdParams } from '../cameras';
import { NO_CONTENT, READERS, SESSION, ok, route } from './types';

const TAG = 'Camera events';
const WEBHOOK_AUTH = {
  vi: 'Xác thực bằng bí mật của nguồn sự kiện: `X-Webhook-Secret: <bí mật>`, `Authorization: Basic` (mật khẩu = bí mật; tên đăng nhập tuỳ ý) hoặc `?token=<bí mật>` (camera Hikvision chỉ làm được Basic hoặc token trong URL).',
  en: 'Authenticated by the event source’s secret: `X-Webhook-Secret: <secret>`, `Authorization: Basic` (password = the secret, any user name) or `?token=<secret>` (a Hikvision camera can only do Basic or a token in the URL).',
};
const INTAKE_OUTCOME = {
  vi: 'Mỗi sự kiện hợp lệ được lưu một lần (gửi lại cùng sự kiện trả về `duplicate: true`); sự kiện hỏng vào dead-letter kèm lý do và được liệt kê trong `rejected`, các sự kiện tốt bên cạnh vẫn được giữ. Mọi sự kiện bị từ chối: 400.',
  en: 'Each good event is stored once (a retry of the same event answers `duplicate: true`); a malformed one is dead-lettered with its reason and listed in `rejected` while the good ones beside it are kept. All refused: 400.',
};

/** AI-camera events (issue 15.3): vendor webhooks in, the stored events and counts out, sources. */
export const CAMERA_EVENT_ROUTES = [
  route({
    method: 'POST',
    path: '/api/v1/camera-events/hikvision/{sourceId}',
    operationId: 'postHikvisionEvent',
    tag: TAG,
    summary: { vi: 'Thông báo sự kiện Hikvision ISAPI', en: 'Hikvision ISAPI event notification' },
    description: {
      vi: `Đặt làm "HTTP Listening"/"Alarm Server" của camera hoặc NVR Hikvision. Nhận \`EventNotificationAlert\` dạng XML, JSON, hoặc multipart/form-data (phần XML/JSON cùng ảnh chụp) như camera gửi. ${WEBHOOK_AUTH.vi} ${INTAKE_OUTCOME.vi}`,
      en: `Set as the Hikvision camera's or NVR's "HTTP Listening" / alarm server. Takes \`EventNotificationAlert\` as XML, JSON, or multipart/form-data (the XML/JSON part and a picture) as cameras send it. ${WEBHOOK_AUTH.en} ${INTAKE_OUTCOME.en}`,
    },
    security: ['webhookSecret'],
    request: {
      params: cameraEventSourceParams,
      query: cameraEventWebhookQuery,
      body: z.unknown(),
      bodyTypes: ['application/xml', 'text/xml', 'application/json', 'multipart/form-data'],
    },
    responses: { 200: ok(cameraEventIntakeResponse) },
    errors: [400, 401, 413, 429],
  }),
  route({
    method: 'POST',
    path: '/api/v1/camera-events/webhook/{sourceId}',
    operationId: 'postGenericCameraEvent',
    tag: TAG,
    summary: { vi: 'Webhook sự kiện camera (JSON chung)', en: 'Generic camera event webhook' },
    description: {
      vi: `Một sự kiện hoặc \`{"events": [...]}\`: \`camera\` (khoá trong bảng ánh xạ của nguồn), \`type\`, \`time\`, \`confidence\` 0..1, \`plate\`/\`label\`, \`direction\` in/out, \`zone\`, \`snapshot\` (ảnh base64), \`eventId\` (để gửi lại không bị đếm hai lần). ${WEBHOOK_AUTH.vi} ${INTAKE_OUTCOME.vi}`,
      en: `One event or \`{"events": [...]}\`: \`camera\` (a key of the source's camera mapping), \`type\`, \`time\`, \`confidence\` 0..1, \`plate\`/\`label\`, \`direction\` in/out, \`zone\`, \`snapshot\` (base64 image), \`eventId\` (so a retry is not counted twice). ${WEBHOOK_AUTH.en} ${INTAKE_OUTCOME.en}`,
    },
    security: ['webhookSecret'],
    request: {
      params: cameraEventSourceParams,
      query: cameraEventWebhookQuery,
      body: genericCameraEventBody,
    },
    responses: { 200: ok(cameraEventIntakeResponse) },
    errors: [400, 401, 413, 429],
  }),
  route({
    method: 'GET',
    path: '/api/v1/camera-events',
    operationId: 'listCameraEvents',
    tag: TAG,
    summary: { vi: 'Sự kiện camera AI', en: 'AI camera events' },
    description: {
      vi: 'Mới nhất trước. Người dùng cấp xã/phường phải nêu `unit`.',
      en: 'Newest first. Callers narrowed to units must name `unit`.',
    },
    security: READERS,
    request: { query: cameraEventListQuery },
    responses: { 200: ok(cameraEventListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/camera-events/counts',
    operationId: 'cameraEventCounts',
    tag: TAG,
    summary: { vi: 'Số sự kiện theo giờ', en: 'Events per hour' },
    description: {
      vi: 'Số sự kiện theo giờ, loại và hướng (xe vào/ra cảng) của đơn vị trong `hours` giờ gần nhất. Cùng số liệu có trong `/api/v1/rollups` với chỉ số `vehicles_in`, `vehicles_out`, `camera_<loại>`.',
      en: 'Events per hour, type and direction (vehicles in/out of the port) of the unit over the last `hours` hours. The same counts are in `/api/v1/rollups` as metrics `vehicles_in`, `vehicles_out`, `camera_<type>`.',
    },
    security: READERS,
    request: { query: cameraEventCountsQuery },
    responses: { 200: ok(cameraEventCountsResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/camera-events/{id}',
    operationId: 'getCameraEvent',
    tag: TAG,
    summary: { vi: 'Một sự kiện camera', en: 'One camera event' },
    security: READERS,
    request: { params: cameraEventIdParams },
    responses: { 200: ok(cameraEventSchema) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/camera-events/{id}/snapshot',
    operationId: 'getCameraEventSnapshot',
    tag: TAG,
    summary: { vi: 'Ảnh chụp của sự kiện', en: 'The event’s snapshot' },
    description: {
      vi: 'Ảnh JPEG (đã thu nhỏ, bỏ metadata) cho người đọc được đơn vị của camera, kể cả màn hình tường (`?token=`). Không có ảnh hoặc đã quá hạn lưu giữ: 404.',
      en: 'The JPEG (resized, metadata stripped) for readers of the camera’s unit, wall screens included (`?token=`). No snapshot or past retention: 404.',
    },
    security: READERS,
    request: { params: cameraEventIdParams },
    responses: { 200: ok(z.string().meta({ format: 'binary' }), 'JPEG', 'image/jpeg') },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cameras/{id}/event-snapshot',
    operationId: 'getCameraAlertSnapshot',
    tag: TAG,
    summary: { vi: 'Ảnh của cảnh báo camera', en: 'A camera alert’s picture' },
    description: {
      vi: 'Ảnh của sự kiện mới nhất của camera tại hoặc trước `at` — `snapshotUrl` của cảnh báo trực tiếp do sự kiện camera gây ra. Cùng phạm vi như camera.',
      en: 'The picture of the camera’s newest event at or before `at` — the `snapshotUrl` of a live alert raised by camera events. Scoped like the camera.',
    },
    security: READERS,
    request: { params: cameraIdParams, query: cameraEventSnapshotQuery },
    responses: { 200: ok(z.string().meta({ format: 'binary' }), 'JPEG', 'image/jpeg') },
  }),
  route({
    method: 'GET',
    path: '/api/v1/camera-event-sources',
    operationId: 'listCameraEventSources',
    tag: TAG,
    summary: { vi: 'Nguồn sự kiện camera', en: 'Camera event sources' },
    security: SESSION,
    responses: { 200: ok(cameraEventSourceListResponse) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/camera-event-sources',
    operationId: 'createCameraEventSource',
    tag: TAG,
    summary: { vi: 'Đăng ký nguồn sự kiện', en: 'Register an event source' },
    description: {
      vi: 'Bí mật chỉ lưu dạng băm; nếu không nêu `secret`, nền tảng tạo và chỉ hiện một lần trong câu trả lời này.',
      en: 'The secret is stored hashed; without `secret` the platform makes one and shows it once, in this answer.',
    },
    security: SESSION,
    request: { body: cameraEventSourceCreateBody },
    responses: { 201: ok(cameraEventSourceIssuedSchema, 'Created') },
    errors: [409],
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/camera-event-sources/{id}',
    operationId: 'updateCameraEventSource',
    tag: TAG,
    summary: { vi: 'Sửa nguồn sự kiện', en: 'Edit an event source' },
    security: SESSION,
    request: { params: idParams, body: cameraEventSourcePatchBody },
    responses: { 200: ok(cameraEventSourceIssuedSchema) },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/camera-event-sources/{id}',
    operationId: 'deleteCameraEventSource',
    tag: TAG,
    summary: { vi: 'Xoá nguồn sự kiện', en: 'Remove an event source' },
    description: {
      vi: 'Nguồn ngừng nhận ngay; các sự kiện đã lưu được giữ đến hết hạn lưu giữ.',
      en: 'The source stops being accepted at once; stored events stay until retention.',
    },
    security: SESSION,
    request: { params: idParams },
    responses: { 204: NO_CONTENT },
  }),
];

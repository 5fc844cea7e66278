import {
  cameraCreateBody,
  cameraIdParams,
  cameraListQuery,
  cameraListResponse,
  cameraPatchBody,
  cameraSchema,
  cameraViewResponse,
  mediaAuthRequest,
  mediaAuthResponse,
} from '../cameras';
import { NO_CONTENT, PUBLIC, READERS, SESSION, ok, route } from './types';

const CAMERAS = 'Cameras';

/**
 * Cameras played through the province's own media server (MediaMTX, go2rtc): the registry, a
 * short-lived viewing token per camera, and the media server's auth hook that checks it.
 */
export const CAMERA_ROUTES = [
  route({
    method: 'GET',
    path: '/api/v1/cameras',
    operationId: 'listCameras',
    tag: CAMERAS,
    summary: { vi: 'Danh sách camera', en: 'Cameras' },
    description: {
      vi: 'Camera của đơn vị (tỉnh gồm cả các xã/phường). Người dùng cấp xã/phường phải nêu `unit`. Không bao giờ trả thông tin đăng nhập của camera.',
      en: 'Cameras of the unit (a province includes its wards). Callers narrowed to units must name `unit`. Camera credentials are never returned.',
    },
    security: READERS,
    request: { query: cameraListQuery },
    responses: { 200: ok(cameraListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cameras/{id}',
    operationId: 'getCamera',
    tag: CAMERAS,
    summary: { vi: 'Một camera', en: 'One camera' },
    security: READERS,
    request: { params: cameraIdParams },
    responses: { 200: ok(cameraSchema) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cameras',
    operationId: 'createCamera',
    tag: CAMERAS,
    summary: { vi: 'Đăng ký camera', en: 'Register a camera' },
    description: {
      vi: 'Đơn vị lấy theo vị trí nếu không nêu `unitCode`. Thông tin đăng nhập (`credentials`) chỉ được lưu trên máy chủ.',
      en: 'The unit is the one holding the position unless `unitCode` is given. `credentials` are stored on the server only.',
    },
    security: SESSION,
    request: { body: cameraCreateBody },
    responses: { 201: ok(cameraSchema, 'Created') },
    errors: [409],
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/cameras/{id}',
    operationId: 'updateCamera',
    tag: CAMERAS,
    summary: { vi: 'Sửa camera', en: 'Edit a camera' },
    security: SESSION,
    request: { params: cameraIdParams, body: cameraPatchBody },
    responses: { 200: ok(cameraSchema) },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/cameras/{id}',
    operationId: 'deleteCamera',
    tag: CAMERAS,
    summary: { vi: 'Xoá camera', en: 'Remove a camera' },
    description: {
      vi: 'Camera và thông tin đăng nhập của nó bị xoá; token xem đã cấp hết hiệu lực ngay.',
      en: 'The camera and its credential are deleted; viewing tokens already issued stop working at once.',
    },
    security: SESSION,
    request: { params: cameraIdParams },
    responses: { 204: NO_CONTENT },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cameras/{id}/view',
    operationId: 'viewCamera',
    tag: CAMERAS,
    summary: { vi: 'Xem trực tiếp camera', en: 'Watch a camera live' },
    description: {
      vi: 'Cấp token xem ngắn hạn và các URL cho trình duyệt (WHEP, HLS) trên máy chủ media, kèm `?token=`. Camera ngoài đơn vị của người xem: 403, có ghi nhật ký. Chưa cấu hình máy chủ media: 503.',
      en: 'Issues a short-lived viewing token and the browser URLs (WHEP, HLS) on the media server, with `?token=`. A camera outside the viewer’s units: 403, audited. No media server configured: 503.',
    },
    security: READERS,
    request: { params: cameraIdParams },
    responses: { 200: ok(cameraViewResponse) },
    errors: [503],
  }),
  route({
    method: 'POST',
    path: '/api/v1/media/auth',
    operationId: 'mediaServerAuth',
    tag: CAMERAS,
    summary: { vi: 'Xác thực của máy chủ media', en: 'Media server auth hook' },
    description: {
      vi: 'Đặt trong MediaMTX: `authMethod: http`, `authHTTPAddress: …/api/v1/media/auth`. Cho phép `read` khi `?token=` là token xem còn hạn, cấp cho đúng đường dẫn; `publish` chỉ với thông tin đăng nhập của bên phát (MEDIA_PUBLISH_USER). Còn lại: 401.',
      en: 'In MediaMTX: `authMethod: http`, `authHTTPAddress: …/api/v1/media/auth`. Allows `read` when `?token=` is an unexpired viewing token issued for that path; `publish` only with the publisher credential (MEDIA_PUBLISH_USER). Anything else: 401.',
    },
    security: PUBLIC,
    request: { body: mediaAuthRequest },
    responses: { 200: ok(mediaAuthResponse, 'Allowed') },
    errors: [401, 429],
  }),
];

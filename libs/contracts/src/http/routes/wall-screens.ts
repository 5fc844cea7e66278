import {
  screenReportBodySchema,
  screenReportResponse,
  wallScreenListResponse,
} from '../wall-screens';
import { READERS, SESSION, ok, route } from './types';

/** Which wall screen shows which tile and scene: screens report in, admins read the list. */
export const WALL_SCREEN_ROUTES = [
  route({
    method: 'POST',
    path: '/api/v1/wall/screens/report',
    operationId: 'reportWallScreen',
    tag: 'Wall',
    summary: { vi: 'Màn hình tường báo trạng thái', en: 'A wall screen reports in' },
    description: {
      vi: 'Màn hình mở bằng token màn hình gửi mỗi 30 giây và khi đổi cảnh: đơn vị, ô (`tile`), cảnh, độ phân giải. Phiên của người dùng (xem trước) không được ghi.',
      en: 'A screen opened with a display token sends this every 30 s and on each scene change: unit, tile, scene, viewport. A person’s session (a preview) is answered but not recorded.',
    },
    security: READERS,
    request: { body: screenReportBodySchema },
    responses: { 200: ok(screenReportResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/wall/screens',
    operationId: 'listWallScreens',
    tag: 'Wall',
    summary: { vi: 'Các màn hình tường', en: 'Wall screens' },
    description: {
      vi: 'Mỗi màn hình (token, ô) với cảnh đang chiếu và lần báo gần nhất; quá 2 phút không báo là ngoại tuyến. Chỉ quản trị viên.',
      en: 'Each screen (token, tile) with the scene it shows and when it last reported; silent for over 2 minutes is offline. Administrators only.',
    },
    security: SESSION,
    responses: { 200: ok(wallScreenListResponse) },
  }),
];

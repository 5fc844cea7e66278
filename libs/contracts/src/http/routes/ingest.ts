import { z } from 'zod';
import {
  deviceDetailSchema,
  deviceIdParams,
  deviceListQuery,
  deviceListResponse,
  issuedDeviceTokenSchema,
  registerDeviceSchema,
  updateDeviceSchema,
} from '../devices';
import {
  chirpstackIgnoredSchema,
  chirpstackQuery,
  chirpstackUplinkSchema,
  ingestAnswerSchema,
  telemetryBodySchema,
  ttnUplinkSchema,
  webhookHeaders,
} from '../telemetry';
import { metricListResponse } from '../metrics';
import { NO_CONTENT, READERS, SESSION, ok, route } from './types';

const accepted = (en: string) => ok(ingestAnswerSchema, `Accepted: ${en}`);

/** Sensor data in, and the device registry: the routes gateway vendors integrate against. */
export const INGEST_ROUTES = [
  route({
    method: 'POST',
    path: '/api/v1/telemetry',
    operationId: 'postTelemetry',
    tag: 'Ingest',
    summary: { vi: 'Gửi số liệu cảm biến', en: 'Send sensor readings' },
    description: {
      vi: 'Thiết bị hoặc gateway gửi số liệu qua HTTP, cùng định dạng như MQTT `ioc/v1/telemetry/{deviceId}`: một bản ghi `{"ts", "values": {"pm25": 41.2}}`, một mảng bản ghi (lưu tạm rồi gửi lại), một gói SenML (RFC 8428, `application/senml+json`), hoặc — với token gateway — `{"<deviceId>": [bản ghi, …]}` cho các thiết bị gateway quản lý. Xác thực bằng `Authorization: Bearer <token thiết bị/gateway>`; danh tính lấy từ token, không từ nội dung. `ts` là ISO-8601 hoặc epoch ms; bỏ trống = thời điểm nhận. **202** nghĩa là mọi bản ghi được nhận đã ghi bền vững vào CSDL; bản ghi bị từ chối (sai chỉ số, ngoài khoảng hợp lệ, thời gian ở tương lai…) được liệt kê trong `rejected` và lưu vào dead-letter, các bản ghi tốt bên cạnh vẫn được giữ. Khi mọi phần tử bị từ chối: 400 (413 khi quá lớn). Khi bộ đệm ghi đầy (CSDL chậm hoặc mất kết nối): **503** kèm `Retry-After`, không lưu gì của yêu cầu — hãy gửi lại sau.',
      en: 'A device or gateway sends readings over HTTP, in the same formats as MQTT `ioc/v1/telemetry/{deviceId}`: one element `{"ts", "values": {"pm25": 41.2}}`, an array of elements (store-and-forward), a SenML pack (RFC 8428, `application/senml+json`), or — with a gateway token — `{"<deviceId>": [element, …]}` for the devices the gateway fronts. Authenticate with `Authorization: Bearer <device or gateway token>`; identity comes from the token, never from the payload. `ts` is ISO-8601 or epoch ms; omitted = time of receipt. **202** means every accepted reading is durably committed; refused elements (unknown metric, out of range, future timestamp…) are listed in `rejected` and dead-lettered while the good ones around them are kept. When every element is refused: 400 (413 when oversize). While the write buffer is full (database slow or down): **503** with `Retry-After` and nothing of the request stored — send it again later.',
    },
    security: ['device'],
    request: {
      body: telemetryBodySchema,
      bodyTypes: ['application/json', 'application/senml+json'],
    },
    responses: { 202: accepted('rows committed; refused elements listed') },
    errors: [400, 401, 413, 429, 503],
  }),
  route({
    method: 'POST',
    path: '/api/v1/lorawan/ttn',
    operationId: 'postTtnUplink',
    tag: 'Ingest',
    summary: { vi: 'Webhook uplink The Things Stack v3', en: 'The Things Stack v3 uplink webhook' },
    description: {
      vi: 'Cấu hình một Webhook trong The Things Stack (v3) trỏ về đường dẫn này với header `X-Webhook-Secret` bằng `TTN_WEBHOOK_SECRET` của nền tảng, bật sự kiện "Uplink message". Thiết bị được nhận diện theo DevEUI (`end_device_ids.dev_eui`) đã khai báo khi đăng ký thiết bị; các trường của `uplink_message.decoded_payload` trở thành chỉ số (ánh xạ tên và hệ số theo `profile` của thiết bị). Một uplink hợp lệ luôn được trả **202**, kể cả khi số liệu bị từ chối (DevEUI chưa đăng ký, ngoài khoảng…): chúng vào dead-letter — trả 4xx chỉ khiến network server gửi lại và cuối cùng tắt tích hợp. Nội dung không đọc được: 400. Chưa cấu hình bí mật: 503.',
      en: 'Configure a Webhook in The Things Stack (v3) pointing at this path with header `X-Webhook-Secret` set to the platform\'s `TTN_WEBHOOK_SECRET`, and enable "Uplink message". Devices are matched by DevEUI (`end_device_ids.dev_eui`) given at registration; the fields of `uplink_message.decoded_payload` become metrics (names and scale mapped by the device\'s `profile`). A well-formed uplink is always answered **202**, even when its readings are refused (unregistered DevEUI, out of range…): they are dead-lettered — a 4xx would only make the network server retry and eventually disable the integration. An unreadable body: 400. No secret configured: 503.',
    },
    security: ['webhookSecret'],
    request: { headers: webhookHeaders, body: ttnUplinkSchema },
    responses: { 202: accepted('uplink acknowledged; refused readings listed') },
    errors: [400, 401, 413, 429, 503],
  }),
  route({
    method: 'POST',
    path: '/api/v1/lorawan/chirpstack',
    operationId: 'postChirpstackEvent',
    tag: 'Ingest',
    summary: { vi: 'Webhook sự kiện ChirpStack v4', en: 'ChirpStack v4 event webhook' },
    description: {
      vi: 'Trong ChirpStack v4, thêm tích hợp HTTP cho ứng dụng với URL `…/api/v1/lorawan/chirpstack` và header `X-Webhook-Secret` bằng `CHIRPSTACK_WEBHOOK_SECRET`. ChirpStack gửi mọi loại sự kiện về cùng một URL kèm `?event=`; chỉ `event=up` mang số liệu, các sự kiện khác (join, status, ack…) được xác nhận 202 và bỏ qua. Thiết bị nhận diện theo `deviceInfo.devEui`; các trường của `object` (payload đã giải mã bằng codec của ChirpStack) trở thành chỉ số. Như webhook TTN: uplink hợp lệ luôn 202, số liệu bị từ chối vào dead-letter.',
      en: 'In ChirpStack v4, add an HTTP integration to the application with URL `…/api/v1/lorawan/chirpstack` and header `X-Webhook-Secret` set to `CHIRPSTACK_WEBHOOK_SECRET`. ChirpStack posts every event type to one URL with `?event=`; only `event=up` carries measurements, other events (join, status, ack…) are acknowledged with 202 and ignored. Devices are matched by `deviceInfo.devEui`; the fields of `object` (the payload decoded by the ChirpStack codec) become metrics. As with TTN: a well-formed uplink is always 202, refused readings are dead-lettered.',
    },
    security: ['webhookSecret'],
    request: { headers: webhookHeaders, query: chirpstackQuery, body: chirpstackUplinkSchema },
    responses: {
      202: ok(
        z.union([ingestAnswerSchema, chirpstackIgnoredSchema]),
        'Accepted: an uplink (rows committed, refused readings listed) or another event, ignored',
      ),
    },
    errors: [400, 401, 413, 429, 503],
  }),
  route({
    method: 'GET',
    path: '/api/v1/metrics',
    operationId: 'listMetrics',
    tag: 'Devices',
    summary: { vi: 'Danh mục chỉ số đo', en: 'The metric catalogue' },
    description: {
      vi: 'Mọi chỉ số thiết bị có thể gửi: tên tiếng Việt và tiếng Anh, đơn vị, số chữ số thập phân, khoảng hợp lệ và ngưỡng quy chuẩn quốc gia (QCVN) nếu có. Thẻ, chú giải và bộ chọn hiển thị từ danh mục này, không hiển thị mã.',
      en: 'Every metric a device may send: Vietnamese and English name, unit, decimals, plausible range and the national limit (QCVN) where one applies. Cards, legends and pickers show these, never the code.',
    },
    security: READERS,
    responses: { 200: ok(metricListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/devices',
    operationId: 'listDevices',
    tag: 'Devices',
    summary: { vi: 'Danh sách thiết bị', en: 'List devices' },
    description: {
      vi: 'Thiết bị của một đơn vị (tỉnh gồm cả các xã/phường) với giá trị mới nhất theo từng chỉ số; thiết bị di động (tàu cá) có vị trí cuối cùng.',
      en: 'Devices of a unit (a province includes its wards) with their latest value per metric; mobile devices (vessels) with their last known position.',
    },
    security: READERS,
    request: { query: deviceListQuery },
    responses: { 200: ok(deviceListResponse) },
  }),
  route({
    method: 'GET',
    path: '/api/v1/devices/{id}',
    operationId: 'getDevice',
    tag: 'Devices',
    summary: { vi: 'Một thiết bị', en: 'One device' },
    security: READERS,
    request: { params: deviceIdParams },
    responses: { 200: ok(deviceDetailSchema) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/devices',
    operationId: 'registerDevice',
    tag: 'Devices',
    summary: { vi: 'Đăng ký thiết bị', en: 'Register a device' },
    description: {
      vi: 'Đăng ký thiết bị hoặc gateway mới và cấp token (chỉ hiện một lần trong câu trả lời này; nền tảng chỉ lưu mã băm). Thiết bị cố định có `lon`/`lat` mà không có `unitCode` được xếp vào đơn vị hành chính chứa vị trí đó (`placement: located`); vị trí ngoài mọi đơn vị là lỗi 400, trừ thiết bị di động (`mobile: true`, xếp đơn vị theo từng bản ghi). `devEui` dùng để nhận diện uplink LoRaWAN; `profile` ánh xạ các trường payload đã giải mã sang mã chỉ số. Sau đó thiết bị gửi số liệu qua MQTT (username = id, password = token, chủ đề trong `device.mqttTopic`) hoặc `POST /api/v1/telemetry`. Mỗi thay đổi được ghi nhật ký kiểm toán.',
      en: 'Registers a new device or gateway and issues its token (shown once, in this answer; only its hash is stored). A fixed device with `lon`/`lat` and no `unitCode` is placed in the administrative unit containing that position (`placement: located`); a position outside every unit is a 400 unless the device is mobile (`mobile: true`, placed per reading). `devEui` matches LoRaWAN uplinks; `profile` maps decoded payload fields onto metric codes. The device then sends over MQTT (username = id, password = token, topic in `device.mqttTopic`) or `POST /api/v1/telemetry`. Every change is audited.',
    },
    security: SESSION,
    request: { body: registerDeviceSchema },
    responses: { 201: ok(issuedDeviceTokenSchema, 'Registered; the token is in this answer only') },
    errors: [400, 409],
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/devices/{id}',
    operationId: 'updateDevice',
    tag: 'Devices',
    summary: { vi: 'Sửa, di chuyển thiết bị', en: 'Edit or move a device' },
    description: {
      vi: 'Đổi tên, loại, chu kỳ gửi; vị trí mới của thiết bị cố định tính lại đơn vị.',
      en: 'Rename, re-kind, change the interval; a new position of a fixed device recomputes its unit.',
    },
    security: SESSION,
    request: { params: deviceIdParams, body: updateDeviceSchema },
    responses: { 200: ok(deviceDetailSchema) },
  }),
  route({
    method: 'POST',
    path: '/api/v1/devices/{id}/rotate',
    operationId: 'rotateDeviceToken',
    tag: 'Devices',
    summary: { vi: 'Cấp lại token thiết bị', en: 'Rotate a device token' },
    description: {
      vi: 'Token mới, chỉ hiện một lần; token cũ bị từ chối ngay và các phiên MQTT đang mở bị đóng.',
      en: 'A new token, shown once; the old one is refused at once and open MQTT sessions end.',
    },
    security: SESSION,
    request: { params: deviceIdParams },
    responses: { 200: ok(issuedDeviceTokenSchema) },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/devices/{id}',
    operationId: 'decommissionDevice',
    tag: 'Devices',
    summary: { vi: 'Ngừng sử dụng thiết bị', en: 'Decommission a device' },
    description: {
      vi: 'Token hết hiệu lực ngay; thiết bị rời danh sách và số liệu trực tiếp; lịch sử được giữ, id không bao giờ dùng lại. Gateway còn quản lý thiết bị đang hoạt động: 409.',
      en: 'Its token stops working at once; it leaves lists and live figures; its history stays and its id is never re-used. A gateway still fronting active devices: 409.',
    },
    security: SESSION,
    request: { params: deviceIdParams },
    responses: { 204: NO_CONTENT },
    errors: [409],
  }),
];

import type { z } from 'zod';
import {
  brokerSecretParams,
  rabbitAnswer,
  rabbitResourceBody,
  rabbitTopicBody,
  rabbitUserBody,
  rabbitVhostBody,
} from '../broker';
import { ok, route, type RouteContract } from './types';

const TAG = 'Broker';
const AUTH = {
  vi: 'Chỉ cụm RabbitMQ gọi (plugin rabbitmq_auth_backend_http, `auth_http.http_method = post`): bí mật `BROKER_AUTH_SECRET` nằm trong đường dẫn vì plugin không gửi được header. Sai bí mật: 401; chưa cấu hình: 503. Trả về văn bản `allow` hoặc `deny`.',
  en: 'Called by the RabbitMQ cluster only (rabbitmq_auth_backend_http, `auth_http.http_method = post`): the `BROKER_AUTH_SECRET` travels in the path since the plugin cannot send headers. Wrong secret: 401; none configured: 503. Answers `allow` or `deny` as plain text.',
};
const FORM = ['application/x-www-form-urlencoded'] as const;
const answer = ok(rabbitAnswer, 'allow or deny', 'text/plain');

function brokerRoute(
  what: string,
  operationId: string,
  summary: { vi: string; en: string },
  body: z.ZodType,
  rule: { vi: string; en: string },
): RouteContract {
  return route({
    method: 'POST',
    path: `/api/v1/broker/rabbitmq/{secret}/${what}`,
    operationId,
    tag: TAG,
    summary,
    description: { vi: `${rule.vi} ${AUTH.vi}`, en: `${rule.en} ${AUTH.en}` },
    security: ['brokerSecret'],
    request: { params: brokerSecretParams, body, bodyTypes: FORM },
    responses: { 200: answer },
    errors: [400, 401, 503],
  });
}

/** The RabbitMQ cluster asks the platform who devices are and what they may do (issue 19). */
export const BROKER_ROUTES = [
  brokerRoute(
    'user',
    'rabbitmqAuthUser',
    { vi: 'RabbitMQ: xác thực thiết bị', en: 'RabbitMQ: authenticate a device' },
    rabbitUserBody,
    {
      vi: 'Thiết bị đăng nhập bằng mã thiết bị và token như với broker nhúng. Tài khoản của bộ thu (trong cơ sở dữ liệu nội bộ của RabbitMQ) luôn bị từ chối ở đây.',
      en: 'A device logs in with its id and token, as on the embedded broker. The collectors’ account (in RabbitMQ’s internal database) is always refused here.',
    },
  ),
  brokerRoute(
    'vhost',
    'rabbitmqAuthVhost',
    { vi: 'RabbitMQ: quyền vào virtual host', en: 'RabbitMQ: virtual host access' },
    rabbitVhostBody,
    { vi: 'Thiết bị chỉ dùng virtual host `/`.', en: 'Devices use the `/` virtual host only.' },
  ),
  brokerRoute(
    'resource',
    'rabbitmqAuthResource',
    { vi: 'RabbitMQ: quyền trên hàng đợi, exchange', en: 'RabbitMQ: queue and exchange access' },
    rabbitResourceBody,
    {
      vi: 'Thiết bị chỉ được dùng hàng đợi đăng ký MQTT của chính mình (`mqtt-subscription-<mã thiết bị>qos0/1`) và gửi vào `amq.topic`; không bao giờ được đọc hàng đợi của bộ thu.',
      en: 'A device may use only its own MQTT subscription queues (`mqtt-subscription-<device id>qos0/1`) and `amq.topic`; never the collectors’ queue.',
    },
  ),
  brokerRoute(
    'topic',
    'rabbitmqAuthTopic',
    { vi: 'RabbitMQ: quyền theo chủ đề', en: 'RabbitMQ: topic access' },
    rabbitTopicBody,
    {
      vi: 'Thiết bị chỉ gửi vào chủ đề số liệu của chính mình và chỉ đăng ký các chủ đề công khai `v1.1/…` (SensorThings MQTT), không bao giờ số liệu của thiết bị khác.',
      en: 'A device publishes only to its own telemetry topics and subscribes only to the public `v1.1/…` topics (SensorThings MQTT), never anyone’s telemetry.',
    },
  ),
];

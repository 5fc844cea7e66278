import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import {
  ROUTES,
  apiErrorSchema,
  textBody,
  type Credential,
  type RouteContract,
} from '@ioc/contracts';
import { VERSION } from '../version';

/** An HTTP status as zod-openapi keys responses. */
type StatusKey = `${1 | 2 | 3 | 4 | 5}${string}`;

type SecurityScheme = NonNullable<
  NonNullable<ZodOpenApiObject['components']>['securitySchemes']
>[string];

/** One OpenAPI security scheme per way a credential travels. */
const SECURITY_SCHEMES: Record<string, SecurityScheme> = {
  session: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'iocs_…',
    description:
      'Phiên đăng nhập của người dùng (POST /api/v1/auth/login). · A signed-in session (POST /api/v1/auth/login).',
  },
  displayToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'iocd_…',
    description:
      'Token chỉ đọc của màn hình tường, một đơn vị. · A wall screen’s read-only token for one unit.',
  },
  displayTokenQuery: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description:
      'Token màn hình trong URL (màn hình không đặt được header); không nhận token phiên. · The display token in the URL (screens cannot set headers); session tokens are refused here.',
  },
  deviceToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'Token của thiết bị hoặc gateway, cấp khi đăng ký (POST /api/v1/devices). · A device or gateway token, issued at registration (POST /api/v1/devices).',
  },
  feedKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'Khoá của kênh báo cáo. · The report feed’s key.',
  },
  feedKeyHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'Khoá của kênh báo cáo, trong header. · The report feed’s key, as a header.',
  },
  webhookSecret: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Webhook-Secret',
    description:
      'Bí mật cấu hình cho network server LoRaWAN (TTN_WEBHOOK_SECRET, CHIRPSTACK_WEBHOOK_SECRET). · The secret configured for the LoRaWAN network server.',
  },
  appKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'ioca_…',
    description:
      'Khoá của ứng dụng gửi phản ánh thay người dân. · An app’s key for citizen reports on a resident’s behalf.',
  },
  appKeyHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'Khoá của ứng dụng, trong header. · The app’s key, as a header.',
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'METRICS_TOKEN của máy thu thập Prometheus. · The Prometheus scraper’s METRICS_TOKEN.',
  },
};

/** The schemes a credential may use (any one of them is enough). */
const SCHEMES_OF: Record<Credential, readonly string[]> = {
  session: ['session'],
  display: ['displayToken', 'displayTokenQuery'],
  device: ['deviceToken'],
  feedKey: ['feedKey', 'feedKeyHeader'],
  webhookSecret: ['webhookSecret'],
  // Travels in the body of POST /auth/setup: described there, no scheme can express it.
  setupToken: [],
  metricsToken: ['metricsToken'],
  appKey: ['appKey', 'appKeyHeader'],
  // A path segment of the RabbitMQ auth routes: described there, no scheme can express it.
  brokerSecret: [],
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: every problem in details.issues',
  401: 'No credential, or an unknown, expired or revoked one',
  403: 'The credential may not do this, or not for this unit',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Nothing could be stored',
  429: 'Too many requests: see Retry-After',
  503: 'Temporarily unavailable: see Retry-After',
};

function errorStatuses(r: RouteContract): number[] {
  const out = new Set<number>(r.errors ?? []);
  const req = r.request;
  if (req?.params || req?.query || req?.body || req?.headers) out.add(400);
  if (r.security.some((c) => c !== 'setupToken')) out.add(401);
  if (r.security.includes('session') || r.security.includes('display')) out.add(403);
  if (r.path.includes('{')) out.add(404);
  for (const status of Object.keys(r.responses)) out.delete(Number(status));
  return [...out].sort((a, b) => a - b);
}

function operation(r: RouteContract): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, res] of Object.entries(r.responses)) {
    responses[status as StatusKey] = res.schema
      ? {
          description: res.description,
          content: { [res.contentType ?? 'application/json']: { schema: res.schema } },
        }
      : { description: res.description };
  }
  for (const status of errorStatuses(r)) {
    responses[String(status) as StatusKey] = {
      description: ERROR_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: apiErrorSchema } },
    };
  }
  const { params, query, headers, body, bodyTypes } = r.request ?? {};
  const requestParams = {
    ...(params ? { path: params } : {}),
    ...(query ? { query } : {}),
    ...(headers ? { header: headers } : {}),
  };
  const description = [r.description?.vi, r.description?.en].filter(Boolean).join('\n\n');
  return {
    operationId: r.operationId,
    tags: [r.tag],
    summary: `${r.summary.vi} · ${r.summary.en}`,
    ...(description ? { description } : {}),
    security: r.security.flatMap((c) => SCHEMES_OF[c].map((name) => ({ [name]: [] }))),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(body
      ? {
          requestBody: {
            content: Object.fromEntries(
              (bodyTypes ?? ['application/json']).map((type) => [
                type,
                { schema: type.startsWith('text/') ? textBody : body },
              ]),
            ),
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the API, generated from the contracts' route table. */
export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of ROUTES) {
    const item = (paths[r.path] ??= {});
    item[r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'] = operation(r);
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'IOC platform API',
        version: VERSION,
        description: [
          'API của nền tảng Trung tâm giám sát, điều hành thông minh (IOC) cấp tỉnh và xã/phường: tiếp nhận số liệu cảm biến và báo cáo chỉ tiêu, số liệu theo đơn vị hành chính, cảnh báo, quản trị. Lỗi luôn có dạng `{"error": {"code", "message", "details": {"issues": [{"path", "message"}]}}}`. WebSocket `/ws` cho số liệu trực tiếp (xem docs/architecture.md).',
          'API of the Intelligent Operations Centre (IOC) platform for a province and its communes and wards: sensor and indicator-report intake, figures per administrative unit, alerts, administration. Errors always read `{"error": {"code", "message", "details": {"issues": [{"path", "message"}]}}}`. WebSocket `/ws` for live data (see docs/architecture.md).',
        ].join('\n\n'),
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      paths,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    { allowEmptySchema: { unknown: true } },
  );
}

let cached: ReturnType<typeof createDocument> | undefined;

/** Built on first use and kept: the route table does not change at run time. */
export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= buildOpenApiDocument();
  return cached;
}

import { z } from 'zod';

/**
 * What rabbitmq_auth_backend_http posts (`auth_http.http_method = post`, form-encoded) and what
 * it reads back: `allow` or `deny` as plain text. Fields the plugin adds beyond these (the
 * client's `variable_map.*`, tags) are ignored.
 */
const name = z.string().min(1).max(255);

export const rabbitUserBody = z.object({ username: name, password: z.string().max(4096) });
export const rabbitVhostBody = z.object({
  username: name,
  vhost: name,
  ip: z.string().max(64).optional(),
});
export const rabbitResourceBody = z.object({
  username: name,
  vhost: name,
  resource: z.enum(['queue', 'exchange', 'topic']),
  name,
  permission: z.enum(['configure', 'write', 'read']),
});
export const rabbitTopicBody = rabbitResourceBody.extend({
  routing_key: z.string().max(255),
});
export const rabbitAnswer = z.enum(['allow', 'deny']);
export const brokerSecretParams = z.object({ secret: z.string().min(1).max(256) });

export type RabbitUserBody = z.infer<typeof rabbitUserBody>;
export type RabbitVhostBody = z.infer<typeof rabbitVhostBody>;
export type RabbitResourceBody = z.infer<typeof rabbitResourceBody>;
export type RabbitTopicBody = z.infer<typeof rabbitTopicBody>;

import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { toResponse } from '../error.filter';

export type FormPart =
  { field: string; value: string } | { field: string; filename: string; data: Buffer };

/** A multipart/form-data body as a browser sends it. */
export function multipartBody(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = '----ioc-spec-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'data' in p
        ? `Content-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream`
        : `Content-Disposition: form-data; name="${p.field}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`));
    chunks.push('data' in p ? p.data : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * A Fastify app with @fastify/multipart and one POST /form route running `read`, answering
 * errors as the API does: how a form reader sees a real request.
 */
export async function formApp(
  read: (req: FastifyRequest, body: unknown) => Promise<unknown>,
  /** The limits the plugin is registered with (composition/http-server.ts passes the tasks'). */
  limits?: Record<string, number>,
): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(multipart, limits ? { limits } : {});
  app.setErrorHandler((err, _req, reply) => {
    const r = toResponse(err);
    void reply.status(r.status).send(r.body);
  });
  app.post('/form', (req) => read(req, req.body));
  await app.ready();
  return app;
}

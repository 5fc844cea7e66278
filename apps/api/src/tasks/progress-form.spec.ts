import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formApp, multipartBody, type FormPart } from '../common/testing/multipart';
import { MULTIPART_LIMITS, readProgressForm } from './progress-form';

describe('readProgressForm', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await formApp(async (req, body) => {
      const { fields, files } = await readProgressForm(req, body);
      return { fields, files: files.map((f) => f.filename) };
    }, MULTIPART_LIMITS);
  });
  afterAll(async () => {
    await app.close();
  });

  const send = (parts: FormPart[]) => {
    const { payload, contentType } = multipartBody(parts);
    return app.inject({
      method: 'POST',
      url: '/form',
      payload,
      headers: { 'content-type': contentType },
    });
  };
  const evidence = (name: string): FormPart => ({
    field: 'evidence',
    filename: name,
    data: Buffer.from('%PDF-1.7'),
  });

  it('coerces the text fields of a form and keeps its evidence files', async () => {
    const res = await send([
      { field: 'progress', value: '40' },
      { field: 'status', value: 'in_progress' },
      evidence('bien-ban.pdf'),
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fields: { progress: 40, status: 'in_progress', note: '' },
      files: ['bien-ban.pdf'],
    });
  });

  it('refuses a sixth file as EVIDENCE_TOO_MANY', async () => {
    const res = await send([
      { field: 'progress', value: '10' },
      ...['1', '2', '3', '4', '5', '6'].map((n) => evidence(`${n}.pdf`)),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'EVIDENCE_TOO_MANY', details: { issues: [{ path: 'evidence' }] } },
    });
  });

  it('refuses a file under another field name, and a field the schema does not know', async () => {
    const file = await send([
      { field: 'progress', value: '10' },
      { field: 'photo', filename: 'a.jpg', data: Buffer.alloc(4) },
    ]);
    expect(file.json()).toMatchObject({ error: { code: 'FORM_INVALID' } });
    const field = await send([
      { field: 'progress', value: '10' },
      { field: 'owner', value: 'me' },
    ]);
    expect(field.statusCode).toBe(400);
    expect(field.json()).toMatchObject({ error: { code: 'TASK_PROGRESS_INVALID' } });
  });

  it('reads a JSON body without files', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      payload: { progress: 100, note: 'xong' },
    });
    expect(res.json()).toEqual({ fields: { progress: 100, note: 'xong' }, files: [] });
  });
});

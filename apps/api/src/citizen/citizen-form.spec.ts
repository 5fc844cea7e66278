import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formApp, multipartBody, type FormPart } from '../common/testing/multipart';
import { readCitizenForm } from './citizen-form';

const schema = z.object({ category: z.string().min(1), description: z.string().max(20) }).strict();

describe('readCitizenForm', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await formApp(async (req, body) => {
      const { fields, photos } = await readCitizenForm(req, body, schema, 'CITIZEN_INVALID');
      return { fields, photos: photos.map((p) => [p.filename, p.data.length]) };
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const send = (parts: FormPart[], language?: string) => {
    const { payload, contentType } = multipartBody(parts);
    return app.inject({
      method: 'POST',
      url: '/form',
      payload,
      headers: {
        'content-type': contentType,
        ...(language ? { 'accept-language': language } : {}),
      },
    });
  };
  const fields: FormPart[] = [
    { field: 'category', value: 'rac_thai' },
    { field: 'description', value: 'Rác ở ngõ 5' },
  ];
  const photo = (name: string): FormPart => ({
    field: 'photo',
    filename: name,
    data: Buffer.alloc(64, 1),
  });

  it('reads the text fields and the photos of a form', async () => {
    const res = await send([...fields, photo('a.jpg'), photo('b.jpg')]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fields: { category: 'rac_thai', description: 'Rác ở ngõ 5' },
      photos: [
        ['a.jpg', 64],
        ['b.jpg', 64],
      ],
    });
  });

  it('reads a JSON body as fields without photos', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      payload: { category: 'den_duong', description: 'Đèn hỏng' },
    });
    expect(res.json()).toEqual({
      fields: { category: 'den_duong', description: 'Đèn hỏng' },
      photos: [],
    });
  });

  it('refuses a fourth photo as PHOTO_TOO_MANY, in Vietnamese unless the client prefers English', async () => {
    const four = [...fields, photo('1'), photo('2'), photo('3'), photo('4')];
    const vi = await send(four);
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({
      error: {
        code: 'PHOTO_TOO_MANY',
        message: 'Tối đa 3 ảnh cho một phản ánh',
        details: { issues: [{ path: 'photo' }], messageEn: 'At most 3 photos per report' },
      },
    });
    const en = await send(four, 'en-GB,en;q=0.9');
    expect(en.json()).toMatchObject({
      error: { code: 'PHOTO_TOO_MANY', message: 'At most 3 photos per report' },
    });
  });

  it('refuses a file under another field name', async () => {
    const res = await send([
      ...fields,
      { field: 'avatar', filename: 'x.png', data: Buffer.alloc(8) },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'FORM_INVALID', message: 'Trường tệp không hợp lệ: avatar (dùng photo)' },
    });
  });

  it('checks the fields against the schema under the caller’s code', async () => {
    const res = await send([{ field: 'category', value: 'rac_thai' }, photo('a.jpg')]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'CITIZEN_INVALID', details: { issues: [{ path: 'description' }] } },
    });
  });
});

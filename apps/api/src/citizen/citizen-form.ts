import type { FastifyRequest } from 'fastify';
import { CITIZEN_PHOTO_LIMITS, DomainError, parseInput } from '@ioc/contracts';
import type { z } from 'zod';

/** A photo as read from the form: its bytes are judged (and re-encoded) by libs/citizen. */
export interface PhotoUpload {
  filename: string;
  data: Buffer;
}

const MB = Math.round(CITIZEN_PHOTO_LIMITS.maxBytes / (1024 * 1024));
/** Per-request limits of @fastify/multipart for the citizen forms (the tasks' are the default). */
const LIMITS = {
  fileSize: CITIZEN_PHOTO_LIMITS.maxBytes,
  files: CITIZEN_PHOTO_LIMITS.maxFiles,
  fields: 12,
  fieldSize: 8 * 1024,
  parts: CITIZEN_PHOTO_LIMITS.maxFiles + 12,
};

type Lang = 'vi' | 'en';
type Refusal = { code: string; vi: string; en: string };

// @fastify/multipart's refusals (413/406 by default) become the API's one 400 shape, in the
// resident's language.
const MULTIPART_ERRORS: Record<string, Refusal> = {
  FST_REQ_FILE_TOO_LARGE: {
    code: 'PHOTO_TOO_LARGE',
    vi: `Ảnh vượt quá ${String(MB)} MB: hãy chọn ảnh nhỏ hơn hoặc chụp lại với độ phân giải thấp hơn`,
    en: `A photo is larger than ${String(MB)} MB: choose a smaller one or take it at a lower resolution`,
  },
  FST_FILES_LIMIT: {
    code: 'PHOTO_TOO_MANY',
    vi: `Tối đa ${String(CITIZEN_PHOTO_LIMITS.maxFiles)} ảnh cho một phản ánh`,
    en: `At most ${String(CITIZEN_PHOTO_LIMITS.maxFiles)} photos per report`,
  },
  FST_PARTS_LIMIT: {
    code: 'FORM_INVALID',
    vi: 'Biểu mẫu quá nhiều phần',
    en: 'Too many form parts',
  },
  FST_FIELDS_LIMIT: {
    code: 'FORM_INVALID',
    vi: 'Biểu mẫu quá nhiều trường',
    en: 'Too many form fields',
  },
  FST_PROTO_VIOLATION: {
    code: 'FORM_INVALID',
    vi: 'Tên trường không hợp lệ',
    en: 'A field name is not allowed',
  },
  FST_MP_PREMATURE_CLOSE: {
    code: 'FORM_INVALID',
    vi: 'Biểu mẫu bị ngắt giữa chừng',
    en: 'The form ended early',
  },
};

/** `en` when the client prefers English (Accept-Language), Vietnamese otherwise. */
export function languageOf(req: FastifyRequest): Lang {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^\s*en\b/i.test(h) ? 'en' : 'vi';
}

/**
 * The fields and photos of a citizen form: `multipart/form-data` (text fields, files `photo`)
 * read into memory within CITIZEN_PHOTO_LIMITS, or a JSON body without photos. Photos are
 * judged on their bytes by libs/citizen, not here.
 */
export async function readCitizenForm<S extends z.ZodType>(
  req: FastifyRequest,
  body: unknown,
  schema: S,
  invalidCode: string,
): Promise<{ fields: z.output<S>; photos: PhotoUpload[] }> {
  if (!req.isMultipart()) {
    return { fields: parseInput(schema, body ?? {}, invalidCode), photos: [] };
  }
  const fields: Record<string, string> = {};
  const photos: PhotoUpload[] = [];
  try {
    for await (const part of req.parts({ limits: LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photo') {
          // Drain it so the form can go on to say what is wrong.
          await part.toBuffer();
          throw refused(
            {
              code: 'FORM_INVALID',
              vi: `Trường tệp không hợp lệ: ${part.fieldname} (dùng photo)`,
              en: `Unexpected file field ${part.fieldname}: use photo`,
            },
            languageOf(req),
          );
        }
        photos.push({ filename: part.filename, data: await part.toBuffer() });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const known = MULTIPART_ERRORS[(err as { code?: string }).code ?? ''];
    if (known) throw refused(known, languageOf(req));
    throw err;
  }
  return { fields: parseInput(schema, fields, invalidCode), photos };
}

function refused(r: Refusal, lang: Lang): DomainError {
  const message = lang === 'en' ? r.en : r.vi;
  return new DomainError('invalid', r.code, message, {
    issues: [{ path: 'photo', message }],
    messageVi: r.vi,
    messageEn: r.en,
  });
}

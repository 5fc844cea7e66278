import type { FastifyRequest } from 'fastify';
import { DomainError, TASK_EVIDENCE_LIMITS, parseInput, taskProgressFields } from '@ioc/contracts';
import type { TaskProgressFields } from '@ioc/contracts';
import type { EvidenceUpload } from '@ioc/tasks';

/** Limits handed to @fastify/multipart when it is registered (composition/http-server.ts). */
export const MULTIPART_LIMITS = {
  fileSize: TASK_EVIDENCE_LIMITS.maxBytes,
  files: TASK_EVIDENCE_LIMITS.maxFiles,
  fields: 10,
  fieldSize: 8 * 1024,
  parts: TASK_EVIDENCE_LIMITS.maxFiles + 10,
};

// @fastify/multipart's refusals (413/406 by default) become the API's one 400 shape.
const MULTIPART_ERRORS: Record<string, { code: string; message: string }> = {
  FST_REQ_FILE_TOO_LARGE: { code: 'EVIDENCE_TOO_LARGE', message: 'a file is larger than 10 MiB' },
  FST_FILES_LIMIT: {
    code: 'EVIDENCE_TOO_MANY',
    message: `at most ${TASK_EVIDENCE_LIMITS.maxFiles} files`,
  },
  FST_PARTS_LIMIT: { code: 'FORM_INVALID', message: 'too many form parts' },
  FST_FIELDS_LIMIT: { code: 'FORM_INVALID', message: 'too many form fields' },
  FST_PROTO_VIOLATION: { code: 'FORM_INVALID', message: 'a field name is not allowed' },
  FST_MP_PREMATURE_CLOSE: { code: 'FORM_INVALID', message: 'the form ended early' },
};

/**
 * The fields and files of a progress update: `multipart/form-data` (text fields `progress`,
 * `status`, `note`; files `evidence`) read into memory within the limits, or a JSON body
 * without files. Files are checked on their bytes by libs/tasks, not here.
 */
export async function readProgressForm(
  req: FastifyRequest,
  body: unknown,
): Promise<{ fields: TaskProgressFields; files: EvidenceUpload[] }> {
  if (!req.isMultipart()) {
    return {
      fields: parseInput(taskProgressFields, body ?? {}, 'TASK_PROGRESS_INVALID'),
      files: [],
    };
  }
  const fields: Record<string, string> = {};
  const files: EvidenceUpload[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'evidence') {
          throw invalid('FORM_INVALID', `unexpected file field ${part.fieldname}: use evidence`);
        }
        files.push({ filename: part.filename, data: await part.toBuffer() });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const known = MULTIPART_ERRORS[(err as { code?: string }).code ?? ''];
    if (known) throw invalid(known.code, known.message);
    throw err;
  }
  return { fields: parseInput(taskProgressFields, fields, 'TASK_PROGRESS_INVALID'), files };
}

function invalid(code: string, message: string): DomainError {
  return new DomainError('invalid', code, message, { issues: [{ path: 'evidence', message }] });
}

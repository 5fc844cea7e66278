import { TASK_EVIDENCE_LIMITS } from '@ioc/contracts';

export type EvidenceType = (typeof TASK_EVIDENCE_LIMITS.types)[number];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (b: Buffer, bytes: readonly number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

/**
 * The type of a file read from its first bytes, never from its name or the sender's header:
 * JPEG, PNG, WebP, PDF, or an Office Open XML workbook or document (a zip holding
 * `[Content_Types].xml` and `xl/` or `word/` parts; zip stores part names uncompressed).
 * Null for anything else.
 */
export function sniffEvidenceType(b: Buffer): EvidenceType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && b.includes('[Content_Types].xml')) {
    if (b.includes('word/')) return DOCX;
    if (b.includes('xl/')) return XLSX;
  }
  return null;
}

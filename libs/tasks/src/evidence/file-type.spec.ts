import { describe, expect, it } from 'vitest';
import { sniffEvidenceType } from './file-type';

const bytes = (...b: number[]) => Buffer.from(b);

describe('evidence type from the bytes', () => {
  it('knows photos and PDF by their signatures', () => {
    expect(sniffEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('image/jpeg');
    expect(sniffEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      'image/png',
    );
    expect(sniffEvidenceType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(
      'image/webp',
    );
    expect(sniffEvidenceType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('tells a workbook from a document inside the zip', () => {
    const zip = (part: string) =>
      Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.from(`..[Content_Types].xml..${part}`)]);
    expect(sniffEvidenceType(zip('xl/workbook.xml'))).toMatch(/spreadsheetml/);
    expect(sniffEvidenceType(zip('word/document.xml'))).toMatch(/wordprocessingml/);
    // Any other zip (or a jar) is refused.
    expect(sniffEvidenceType(zip('META-INF/MANIFEST.MF'))).toBeNull();
  });

  it('refuses what only claims to be an image', () => {
    expect(sniffEvidenceType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffEvidenceType(Buffer.alloc(0))).toBeNull();
  });
});

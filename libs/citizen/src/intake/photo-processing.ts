import sharp from 'sharp';
import { CITIZEN_PHOTO_LIMITS, DomainError } from '@ioc/contracts';
import type { PhotoUpload } from '../ports';

/** A photo ready to store: always JPEG, without any metadata. */
export interface ProcessedPhoto {
  contentType: 'image/jpeg';
  width: number;
  height: number;
  data: Buffer;
}

const MAX_SIDE = 1600;
/** A 10 MiB file may still decode to a huge canvas (a "pixel bomb"): 50 megapixels at most. */
const MAX_INPUT_PIXELS = 50_000_000;

const startsWith = (b: Buffer, bytes: readonly number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

/** JPEG, PNG or WebP from the first bytes, never from the name or the declared type. */
export function sniffPhotoType(b: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

function refuse(code: string, message: string, path: string): DomainError {
  return new DomainError('invalid', code, message, { issues: [{ path, message }] });
}

/** Checks count, size and type of photos before any decoding (cheap refusals first). */
export function checkPhotos(photos: readonly PhotoUpload[], min = 0): void {
  if (photos.length > CITIZEN_PHOTO_LIMITS.maxFiles) {
    throw refuse('PHOTO_TOO_MANY', 'Tối đa 3 ảnh · 3 photos at most', 'photo');
  }
  if (photos.length < min) {
    throw refuse('PHOTO_REQUIRED', 'Cần ít nhất một ảnh · At least one photo is required', 'photo');
  }
  photos.forEach((p, i) => {
    const path = `photo.${i}`;
    if (p.data.length > CITIZEN_PHOTO_LIMITS.maxBytes) {
      throw refuse('PHOTO_TOO_LARGE', 'Ảnh vượt quá 10 MB · The photo is larger than 10 MB', path);
    }
    if (sniffPhotoType(p.data) === null) {
      throw refuse(
        'PHOTO_NOT_IMAGE',
        'Tệp không phải ảnh JPEG, PNG hoặc WebP · The file is not a JPEG, PNG or WebP image',
        path,
      );
    }
  });
}

/**
 * Re-encodes a photo: turned upright from its EXIF orientation, shrunk to fit 1600×1600 (never
 * enlarged), JPEG quality 80. sharp writes no metadata unless asked, so EXIF (GPS included),
 * XMP, IPTC and ICC are dropped, and re-encoding the pixels destroys any payload hidden in the
 * original file (a polyglot). A file that does not decode is refused as not an image.
 */
export async function processPhoto(photo: PhotoUpload, index = 0): Promise<ProcessedPhoto> {
  try {
    const { data, info } = await sharp(photo.data, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
    })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { contentType: 'image/jpeg', width: info.width, height: info.height, data };
  } catch {
    throw refuse(
      'PHOTO_NOT_IMAGE',
      'Không đọc được ảnh (tệp hỏng hoặc quá nhiều điểm ảnh) · The image cannot be read (damaged or too many pixels)',
      `photo.${index}`,
    );
  }
}

/** Checks then processes every photo, in order. */
export async function processPhotos(
  photos: readonly PhotoUpload[],
  min = 0,
): Promise<ProcessedPhoto[]> {
  checkPhotos(photos, min);
  const out: ProcessedPhoto[] = [];
  for (const [i, p] of photos.entries()) out.push(await processPhoto(p, i));
  return out;
}

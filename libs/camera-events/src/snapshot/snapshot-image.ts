import sharp from 'sharp';
import type { StoredSnapshot } from '../repo/event.repository';

const MAX_SIDE = 1280;
/** A camera picture is at most a few megapixels; refuse decoding bombs. */
const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_SNAPSHOT_BYTES = 10 * 1024 * 1024;

/**
 * A sender's picture as stored: JPEG, fitted into 1280×1280, without metadata (as citizen
 * photos are re-encoded, so nothing the camera embedded — EXIF, GPS — is served on). null when
 * the bytes are not a picture sharp can decode.
 */
export async function toSnapshot(data: Buffer): Promise<StoredSnapshot | null> {
  if (data.length === 0 || data.length > MAX_SNAPSHOT_BYTES) return null;
  try {
    const { data: out, info } = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { contentType: 'image/jpeg', width: info.width, height: info.height, data: out };
  } catch {
    return null;
  }
}

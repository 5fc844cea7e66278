import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import { processPhoto, processPhotos, sniffPhotoType } from './photo-processing';

/** A JPEG as a phone writes it: EXIF with GPS (Hải Châu, Đà Nẵng), camera and orientation 6. */
async function phoneJpeg(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '16/1 3/1 1584/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 12/1 792/100',
      },
    })
    .toBuffer();
}

/** Whether a TIFF/EXIF block points to a GPS IFD (tag 0x8825, either byte order). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const littleEndian = exif.includes(Buffer.from('II*\0', 'latin1'));
  return exif.includes(Buffer.from(littleEndian ? [0x25, 0x88] : [0x88, 0x25]));
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
}

describe('photo processing', () => {
  it('drops EXIF, GPS included, and turns the photo upright', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    // The fixture really carries GPS and an orientation, or the test below proves nothing.
    expect(hasGpsIfd(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const out = await processPhoto({ data: original });
    const after = await sharp(out.data).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(hasGpsIfd(after.exif)).toBe(false);
    expect(after.orientation).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(out.data.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(out.data.includes(Buffer.from('Exif'))).toBe(false);
    // Orientation 6 (rotate 90°): 400×300 landscape pixels are shown, and stored, as 300×400.
    expect([out.width, out.height]).toEqual([300, 400]);
    expect([after.width, after.height]).toEqual([300, 400]);
  });

  it('shrinks to fit 1600×1600 and never enlarges', async () => {
    const big = await sharp({
      create: { width: 3200, height: 1200, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    expect(await processPhoto({ data: big })).toMatchObject({ width: 1600, height: 600 });
    const small = await sharp({
      create: { width: 120, height: 80, channels: 3, background: '#336699' },
    })
      .webp()
      .toBuffer();
    const out = await processPhoto({ data: small });
    expect([out.width, out.height, out.contentType]).toEqual([120, 80, 'image/jpeg']);
  });

  it('refuses a text file named .jpg, a truncated JPEG, too many and too large photos', async () => {
    const text = Buffer.from('<script>alert(1)</script>');
    expect(sniffPhotoType(text)).toBeNull();
    expect(await codeOf(processPhotos([{ data: text, filename: 'x.jpg' }]))).toBe(
      'PHOTO_NOT_IMAGE',
    );
    const truncated = (await phoneJpeg()).subarray(0, 200);
    expect(await codeOf(processPhotos([{ data: truncated }]))).toBe('PHOTO_NOT_IMAGE');
    const jpeg = await phoneJpeg(10, 10);
    expect(await codeOf(processPhotos([jpeg, jpeg, jpeg, jpeg].map((data) => ({ data }))))).toBe(
      'PHOTO_TOO_MANY',
    );
    const large = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    expect(await codeOf(processPhotos([{ data: large }]))).toBe('PHOTO_TOO_LARGE');
    expect(await codeOf(processPhotos([], 1))).toBe('PHOTO_REQUIRED');
  });
});

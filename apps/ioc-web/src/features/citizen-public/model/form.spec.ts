import { describe, expect, it } from 'vitest';
import {
  cleanDescription,
  intakeFormData,
  intakeProblems,
  normalisePhone,
  photoProblem,
  type IntakeDraft,
} from './form';

const MB = 1024 * 1024;

function draft(over: Partial<IntakeDraft> = {}): IntakeDraft {
  return {
    category: 'den_duong',
    description: 'Đèn đường trước số 12 Bạch Đằng không sáng ba đêm nay',
    position: { lat: 16.07, lon: 108.22 },
    photos: [],
    name: '',
    phone: '',
    ...over,
  };
}

describe('intakeProblems', () => {
  it('accepts a complete draft without name, phone or photo', () => {
    expect(intakeProblems(draft())).toEqual({});
  });

  it('asks for a category and a position', () => {
    expect(intakeProblems(draft({ category: null, position: null }))).toEqual({
      category: 'citizen.form.error.category',
      position: 'citizen.form.error.position',
    });
  });

  it('counts the description after trimming and removing control characters', () => {
    expect(intakeProblems(draft({ description: '   ngắn\u0007\u0000   ' })).description).toBe(
      'citizen.form.error.descriptionShort',
    );
    expect(intakeProblems(draft({ description: 'a'.repeat(10) })).description).toBeUndefined();
    expect(intakeProblems(draft({ description: 'a'.repeat(2001) })).description).toBe(
      'citizen.form.error.descriptionLong',
    );
  });

  it('refuses a fourth photo, a photo over 10 MB and a file that is not JPEG, PNG or WebP', () => {
    const ok = { size: MB, type: 'image/jpeg' };
    expect(intakeProblems(draft({ photos: [ok, ok, ok] })).photos).toBeUndefined();
    expect(intakeProblems(draft({ photos: [ok, ok, ok, ok] })).photos).toBe(
      'citizen.form.error.tooManyPhotos',
    );
    expect(
      intakeProblems(draft({ photos: [ok, { size: 20 * MB, type: 'image/png' }] })).photos,
    ).toBe('citizen.form.error.photoTooLarge');
    expect(intakeProblems(draft({ photos: [{ size: 10, type: 'text/plain' }] })).photos).toBe(
      'citizen.form.error.photoType',
    );
  });

  it('checks an optional phone only when one is given', () => {
    expect(intakeProblems(draft({ phone: '  ' })).phone).toBeUndefined();
    expect(intakeProblems(draft({ phone: '0905 123 456' })).phone).toBeUndefined();
    expect(intakeProblems(draft({ phone: '12345' })).phone).toBe('citizen.form.error.phone');
    expect(intakeProblems(draft({ name: 'x'.repeat(101) })).name).toBe(
      'citizen.form.error.nameLong',
    );
  });
});

describe('photoProblem', () => {
  it('allows exactly 10 MiB and refuses one byte more', () => {
    expect(photoProblem({ size: 10 * MB, type: 'image/webp' })).toBeNull();
    expect(photoProblem({ size: 10 * MB + 1, type: 'image/webp' })).toBe(
      'citizen.form.error.photoTooLarge',
    );
  });
});

describe('normalisePhone', () => {
  it('keeps Vietnamese numbers without spaces or dots', () => {
    expect(normalisePhone('0905.123.456')).toBe('0905123456');
    expect(normalisePhone('+84 905 123 456')).toBe('+84905123456');
    expect(normalisePhone('0905-123-456')).toBeNull();
  });
});

describe('intakeFormData', () => {
  it('sends the cleaned fields and every photo under `photo`', () => {
    const files = [
      new File([new Uint8Array([1, 2])], 'a.jpg', { type: 'image/jpeg' }),
      new File([new Uint8Array([3])], 'b.png', { type: 'image/png' }),
    ];
    const form = intakeFormData(
      {
        ...draft({ description: '  mô tả đủ dài ở đây \u0001 ', phone: '0905 123 456' }),
        category: 'ngap_nuoc',
        position: { lat: 16.1, lon: 108.2 },
      },
      files,
    );
    expect(form.get('category')).toBe('ngap_nuoc');
    expect(form.get('description')).toBe(cleanDescription('mô tả đủ dài ở đây'));
    expect(form.get('lat')).toBe('16.1');
    expect(form.get('lon')).toBe('108.2');
    expect(form.get('phone')).toBe('0905123456');
    expect(form.has('name')).toBe(false);
    expect(form.getAll('photo').map((f) => (f as File).name)).toEqual(['a.jpg', 'b.png']);
  });
});

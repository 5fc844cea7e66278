import { CITIZEN_PHOTO_LIMITS } from '@ioc/contracts';

/** What the resident has filled in so far (photos as the browser gives them). */
export interface IntakeDraft {
  category: string | null;
  description: string;
  position: { lat: number; lon: number } | null;
  photos: readonly PhotoLike[];
  name: string;
  phone: string;
}

export interface PhotoLike {
  size: number;
  type: string;
}

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const NAME_MAX = 100;
export const PHOTO_TYPES: readonly string[] = CITIZEN_PHOTO_LIMITS.types;
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',');

export type IntakeField = 'category' | 'description' | 'position' | 'photos' | 'name' | 'phone';

/** Problems of a draft, by field, as i18n keys (each field's first problem only). */
export type IntakeProblems = Partial<Record<IntakeField, IntakeProblemKey>>;

export type IntakeProblemKey =
  | 'citizen.form.error.category'
  | 'citizen.form.error.descriptionShort'
  | 'citizen.form.error.descriptionLong'
  | 'citizen.form.error.position'
  | 'citizen.form.error.tooManyPhotos'
  | 'citizen.form.error.photoTooLarge'
  | 'citizen.form.error.photoType'
  | 'citizen.form.error.nameLong'
  | 'citizen.form.error.phone';

// The server removes control characters and trims before it counts; count the same way so the
// form never accepts what the API refuses (or the reverse).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanDescription(text: string): string {
  return text.replace(CONTROL, '').trim();
}

/** A Vietnamese phone number as the API stores it (spaces and dots removed), or null if not one. */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s.]/g, '');
  return /^(\+84|0)\d{9,10}$/.test(compact) ? compact : null;
}

/** Why one chosen file cannot be sent, before any byte leaves the phone. */
export function photoProblem(file: PhotoLike): IntakeProblemKey | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'citizen.form.error.photoType';
  if (file.size > CITIZEN_PHOTO_LIMITS.maxBytes) return 'citizen.form.error.photoTooLarge';
  return null;
}

export function intakeProblems(d: IntakeDraft): IntakeProblems {
  const out: IntakeProblems = {};
  if (d.category === null) out.category = 'citizen.form.error.category';
  const text = cleanDescription(d.description);
  if (text.length < DESCRIPTION_MIN) out.description = 'citizen.form.error.descriptionShort';
  else if (text.length > DESCRIPTION_MAX) out.description = 'citizen.form.error.descriptionLong';
  if (d.position === null) out.position = 'citizen.form.error.position';
  if (d.photos.length > CITIZEN_PHOTO_LIMITS.maxFiles)
    out.photos = 'citizen.form.error.tooManyPhotos';
  else {
    const bad = d.photos.map(photoProblem).find((p) => p !== null);
    if (bad !== undefined) out.photos = bad;
  }
  if (d.name.trim().length > NAME_MAX) out.name = 'citizen.form.error.nameLong';
  if (d.phone.trim() !== '' && normalisePhone(d.phone) === null)
    out.phone = 'citizen.form.error.phone';
  return out;
}

/** A complete draft with its files: the multipart body of the public intake (`photo` files). */
export function intakeFormData(
  d: IntakeDraft & { category: string; position: { lat: number; lon: number } },
  files: readonly File[],
): FormData {
  const form = new FormData();
  form.set('category', d.category);
  form.set('description', cleanDescription(d.description));
  form.set('lat', String(d.position.lat));
  form.set('lon', String(d.position.lon));
  const name = d.name.trim();
  if (name !== '') form.set('name', name);
  const phone = normalisePhone(d.phone);
  if (phone !== null) form.set('phone', phone);
  for (const f of files) form.append('photo', f, f.name);
  return form;
}

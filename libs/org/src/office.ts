import { foldVietnamese, type OfficeKind, type OfficeView } from '@ioc/contracts';

/** An office as stored (the API's view without its members). */
export type Office = Omit<OfficeView, 'members'>;

/** What it takes to create an office; `id` defaults to `<unitCode>.<slug of nameVi>`. */
export interface OfficeDraft {
  id?: string | undefined;
  unitCode: string;
  nameVi: string;
  nameEn?: string | null | undefined;
  kind: OfficeKind;
  isCompiler: boolean;
  email?: string | null | undefined;
}

const MAX_SLUG = 60;

/** `Sở Khoa học và Công nghệ` → `so-khoa-hoc-va-cong-nghe` (no diacritics, đ → d). */
export function slugify(name: string): string {
  const slug = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG).replace(/-+$/, '');
}

export function officeIdFor(unitCode: string, nameVi: string): string {
  return `${unitCode}.${slugify(nameVi) || 'office'}`;
}

/**
 * The kind of an office read from its name, as the plans print it. A guess for seeding: an
 * administrator corrects it. "Văn phòng" alone (the department's own secretariat, "Văn phòng
 * Sở") is not the People's Committee office.
 */
export function guessOfficeKind(nameVi: string): OfficeKind {
  const n = foldVietnamese(nameVi);
  if (/^(van phong (ubnd|uy ban))/.test(n)) return 'people_committee_office';
  if (n.startsWith('phong van hoa')) return 'culture_society';
  if (n.startsWith('phong kinh te')) return 'economic';
  if (n.startsWith('cong an')) return 'police';
  if (n.includes('trung tam phuc vu hanh chinh cong')) return 'public_service_center';
  if (/^(so|ban) /.test(n)) return 'department';
  return 'other';
}

/**
 * The one office a plan's lead cell names, or null when it names several agencies ("A; B"),
 * (a comma does not split: "Phòng Kinh tế, Hạ tầng và Đô thị" is one office),
 * a group ("Các sở, ban, ngành", "UBND các quận, huyện") or nothing. A trailing parenthesis
 * ("Sở Tài chính (Viện Nghiên cứu…)") says where the work is done, not who leads: dropped.
 * The culture-and-society office compiles its ward's reports (the ward plans say so).
 */
export function officeFromLead(unitCode: string, leadVi: string | null): OfficeDraft | null {
  if (leadVi === null) return null;
  const name = leadVi.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (name === '' || name.includes(';')) return null;
  const folded = foldVietnamese(name);
  if (folded.startsWith('cac ') || folded.startsWith('ubnd cac')) return null;
  const kind = guessOfficeKind(name);
  return {
    id: officeIdFor(unitCode, name),
    unitCode,
    nameVi: name,
    kind,
    isCompiler: kind === 'culture_society',
  };
}

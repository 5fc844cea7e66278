/**
 * Which feature property holds which unit field. Each field lists candidate property names, the
 * first present one wins; names match case-insensitively because shapefile exports upper-case
 * them (MA_XA).
 */
export interface FieldMapping {
  code: readonly string[];
  /** A short name ("Hải Vân") or a full one ("Phường Hải Vân"); the prefix decides. */
  name: readonly string[];
  fullName: readonly string[];
  nameEn: readonly string[];
  parentCode: readonly string[];
  level: readonly string[];
  areaKm2: readonly string[];
  population: readonly string[];
}

/** What callers may pass: a single property name or candidates, per field. */
export type FieldMappingInput = Partial<Record<keyof FieldMapping, string | readonly string[]>>;

export interface FieldConvention {
  id: string;
  mapping: FieldMapping;
}

const common = {
  level: ['level', 'loai', 'cap'],
  areaKm2: ['areaKm2', 'area_km2', 'dien_tich', 'dientich'],
  population: ['population', 'dan_so', 'danso'],
} as const;

/**
 * Conventions seen in Vietnamese boundary data, most specific first: the platform's own export
 * (sapnhap.bando.com.vn style camelCase), the Vietnamese GIS column names of ward files
 * (ma_xa/ten_xa) and province files (ma_tinh/ten_tinh), and English snake_case.
 */
export const KNOWN_CONVENTIONS: readonly FieldConvention[] = [
  {
    id: 'ma_xa',
    mapping: {
      code: ['ma_xa', 'maxa'],
      name: ['ten_xa', 'tenxa'],
      fullName: [],
      nameEn: ['ten_xa_en', 'ten_tieng_anh'],
      parentCode: ['ma_tinh', 'matinh'],
      ...common,
    },
  },
  {
    id: 'ma_tinh',
    mapping: {
      code: ['ma_tinh', 'matinh'],
      name: ['ten_tinh', 'tentinh'],
      fullName: [],
      nameEn: ['ten_tinh_en', 'ten_tieng_anh'],
      parentCode: [],
      ...common,
    },
  },
  {
    id: 'commune_code',
    mapping: {
      code: ['commune_code', 'ward_code'],
      name: ['commune_name', 'ward_name'],
      fullName: ['commune_full_name', 'ward_full_name'],
      nameEn: ['commune_name_en', 'ward_name_en'],
      parentCode: ['province_code'],
      ...common,
    },
  },
  {
    id: 'code',
    mapping: {
      code: ['code', 'unit_code'],
      name: ['name'],
      fullName: ['fullName', 'full_name'],
      nameEn: ['nameEn', 'name_en'],
      parentCode: ['provinceCode', 'parentCode', 'parent_code', 'province_code'],
      ...common,
    },
  },
];

/** Looks properties up by lower-cased key. */
export class PropertyReader {
  private readonly byKey = new Map<string, unknown>();

  constructor(properties: Record<string, unknown>) {
    for (const [k, v] of Object.entries(properties)) {
      const key = k.toLowerCase();
      if (!this.byKey.has(key)) this.byKey.set(key, v);
    }
  }

  has(keys: readonly string[]): boolean {
    return keys.some((k) => this.present(this.byKey.get(k.toLowerCase())));
  }

  text(keys: readonly string[]): string | null {
    for (const k of keys) {
      const v = this.byKey.get(k.toLowerCase());
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    }
    return null;
  }

  number(keys: readonly string[]): number | null {
    for (const k of keys) {
      const v = this.byKey.get(k.toLowerCase());
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
      if (Number.isFinite(n) && !(typeof v === 'string' && v.trim() === '')) return n;
    }
    return null;
  }

  private present(v: unknown): boolean {
    return v !== undefined && v !== null && v !== '';
  }
}

/**
 * Picks the convention whose code property most features carry (ties go to the earlier, more
 * specific one), then lets explicit settings override it field by field.
 */
export function resolveMapping(
  readers: readonly PropertyReader[],
  override: FieldMappingInput = {},
): { id: string; mapping: FieldMapping } {
  let best: FieldConvention = KNOWN_CONVENTIONS[KNOWN_CONVENTIONS.length - 1] as FieldConvention;
  let bestCount = 0;
  for (const convention of KNOWN_CONVENTIONS) {
    const count = readers.filter(
      (r) =>
        r.has(convention.mapping.code) &&
        (r.has(convention.mapping.name) || r.has(convention.mapping.fullName)),
    ).length;
    if (count > bestCount) {
      best = convention;
      bestCount = count;
    }
  }
  const entries = Object.entries(override) as [
    keyof FieldMapping,
    string | readonly string[] | undefined,
  ][];
  if (entries.every(([, v]) => v === undefined)) return { id: best.id, mapping: best.mapping };
  const mapping: FieldMapping = { ...best.mapping };
  for (const [field, value] of entries) {
    if (value !== undefined) mapping[field] = typeof value === 'string' ? [value] : value;
  }
  // An explicit name column means "this file's names", not also the convention's full-name column.
  if (override.name !== undefined && override.fullName === undefined) mapping.fullName = [];
  return { id: 'custom', mapping };
}

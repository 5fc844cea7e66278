import { foldVietnamese } from '@ioc/contracts';

export type ReportField =
  'indicator' | 'unitCode' | 'period' | 'value' | 'numerator' | 'denominator' | 'note';

/**
 * Accepted column names, folded (no diacritics, lower case, punctuation → space). Departments
 * download a template in Vietnamese but their systems export English keys, so both work.
 */
const ALIASES: Record<ReportField, readonly string[]> = {
  indicator: [
    'ma chi tieu',
    'chi tieu',
    'ma chi so',
    'indicator',
    'indicator code',
    'indicatorcode',
  ],
  unitCode: [
    'ma don vi',
    'ma don vi hanh chinh',
    'ma dvhc',
    'ma xa',
    'ma phuong',
    'ma xa phuong',
    'ma phuong xa',
    'ma dia ban',
    'ma tinh',
    'unit',
    'unit code',
    'unitcode',
    'ward code',
    'commune code',
  ],
  period: ['ky', 'ky bao cao', 'thoi ky', 'period', 'reporting period'],
  value: ['gia tri', 'so lieu', 'ket qua', 'value'],
  numerator: ['tu so', 'numerator'],
  denominator: ['mau so', 'denominator'],
  note: ['ghi chu', 'note', 'notes', 'comment'],
};

const BY_ALIAS = new Map<string, ReportField>(
  (Object.entries(ALIASES) as [ReportField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [n, field] as const),
  ),
);

/** Folds a header: "Giá trị (%)" → "gia tri", "Mã xã/phường" → "ma xa phuong", "unit_code" → "unit code". */
export function foldHeader(header: string): string {
  return foldVietnamese(header.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function fieldForHeader(header: string): ReportField | undefined {
  return BY_ALIAS.get(foldHeader(header));
}

export const REQUIRED_FIELDS: readonly ReportField[] = ['indicator', 'unitCode', 'period'];

export const FIELD_LABELS: Record<ReportField, { vi: string; en: string }> = {
  indicator: { vi: 'Mã chỉ tiêu', en: 'indicator' },
  unitCode: { vi: 'Mã đơn vị', en: 'unit' },
  period: { vi: 'Kỳ báo cáo', en: 'period' },
  value: { vi: 'Giá trị', en: 'value' },
  numerator: { vi: 'Tử số', en: 'numerator' },
  denominator: { vi: 'Mẫu số', en: 'denominator' },
  note: { vi: 'Ghi chú', en: 'note' },
};

/** Column index per field; the first matching column wins, unknown columns (STT, names) are ignored. */
export function mapColumns(headers: readonly string[]): Partial<Record<ReportField, number>> {
  const out: Partial<Record<ReportField, number>> = {};
  headers.forEach((h, i) => {
    const f = fieldForHeader(h);
    if (f !== undefined && out[f] === undefined) out[f] = i;
  });
  return out;
}

/** Missing required fields; a value needs either a value or a numerator column. */
export function missingFields(mapped: Partial<Record<ReportField, unknown>>): ReportField[] {
  const missing = REQUIRED_FIELDS.filter((f) => mapped[f] === undefined);
  if (mapped.value === undefined && mapped.numerator === undefined) missing.push('value');
  return missing;
}

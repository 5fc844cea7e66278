/** A number as read, before validation: parsed when it looked like one, the original text otherwise. */
export type RawValue = number | string | null;

/** One report row as read from a file, before validation. */
export interface RawReportRow {
  /** 1-based position among the data rows (JSON array index + 1; CSV record after the header). */
  row: number;
  /** Physical line in a CSV file (the header is usually line 1), as Excel users see it. */
  line?: number;
  indicator: string;
  unitCode: string;
  period: string;
  value: RawValue;
  numerator: RawValue;
  denominator: RawValue;
  note: string | null;
  /** Set when the row could not be read as a record at all (e.g. a JSON string in the array). */
  malformed?: boolean;
}

/**
 * Normalises a unit code cell. Excel drops leading zeros of numeric cells ("00904" → 904); a
 * 3–4 digit number can only be a 5-digit commune code, so it is padded back. A 1-digit value is
 * left alone: "4" could be province 04 or ward 00004, and guessing would misfile a report.
 */
export function normaliseUnitCode(text: string): string {
  const s = text.trim();
  return /^\d{3,4}$/.test(s) ? s.padStart(5, '0') : s;
}

export function normaliseIndicatorCode(text: string): string {
  return text.trim().toLowerCase();
}

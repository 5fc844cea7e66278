import { DomainError } from '@ioc/contracts';
import { parseAdminInput, reasonSchema } from '../admin/inputs';
import { vnDay } from '../period';

// Query and body parameters of the indicator routes and CLI commands: text in, a value or a
// DomainError('invalid') out, with the codes the API has always answered.

export function levelParam(level: string): 'province' | 'commune' {
  if (level === 'province') return 'province';
  if (level === 'commune' || level === 'ward' || level === 'special_zone') return 'commune';
  throw new DomainError('invalid', 'LEVEL_INVALID', 'level must be province or commune');
}

export function intParam(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DomainError(
      'invalid',
      `${name.toUpperCase()}_INVALID`,
      `${name} must be an integer ${min}–${max}`,
    );
  }
  return n;
}

export function dayParam(text: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new DomainError(
      'invalid',
      `${name.toUpperCase()}_INVALID`,
      `${name} must be a date YYYY-MM-DD`,
    );
  }
  return text;
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `why` when the body gives one, else `fallback` (a key rotation needs no reason). */
export function optionalWhy(body: unknown, fallback: string): string {
  if (body === undefined || body === null || (typeof body === 'object' && !('why' in body))) {
    return fallback;
  }
  return parseAdminInput(reasonSchema, body, 'INPUT_INVALID').why;
}

/** The calendar year in Vietnam. */
export function vnYear(at: Date): number {
  return Number(vnDay(at).slice(0, 4));
}

/** First day (Vietnam) of the month `months` before the one containing `at`. */
export function monthsBack(at: Date, months: number): string {
  const [y, m] = vnDay(at).split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - months;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

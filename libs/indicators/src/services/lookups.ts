import { DomainError } from '@ioc/contracts';
import type { Indicator, IndicatorSource } from '../catalogue/schema';
import type { CatalogueRepository } from '../repo/catalogue.repository';
import type { UnitLookup, UnitRef } from '../units';

/** Document titles of the sources an answer cites, by source id. */
export type SourceTitles = Record<
  string,
  Pick<IndicatorSource, 'titleVi' | 'titleEn' | 'issuedOn'>
>;

export function notFound(code: string, message: string): DomainError {
  return new DomainError('not_found', code, message);
}

export async function requireIndicator(
  catalogue: CatalogueRepository,
  code: string,
): Promise<Indicator> {
  const indicator = await catalogue.getIndicator(code);
  if (indicator === null) throw notFound('INDICATOR_NOT_FOUND', `no indicator ${code}`);
  return indicator;
}

export function requireUnit(units: UnitLookup, code: string | undefined): UnitRef {
  if (code === undefined || code === '') {
    throw new DomainError(
      'invalid',
      'UNIT_REQUIRED',
      'unit (an administrative unit code) is required',
    );
  }
  const unit = units.get(code);
  if (unit === undefined) throw notFound('UNIT_NOT_FOUND', `no administrative unit ${code}`);
  return unit;
}

export function unitHeader(unit: UnitRef) {
  return {
    code: unit.code,
    name: unit.name ?? null,
    level: unit.level,
    parentCode: unit.parentCode,
  };
}

export function sourceTitles(
  sources: readonly IndicatorSource[],
  used: readonly (string | null)[],
): SourceTitles {
  const wanted = new Set(used.filter((s): s is string => s !== null));
  const out: SourceTitles = {};
  for (const s of sources) {
    if (wanted.has(s.id))
      out[s.id] = { titleVi: s.titleVi, titleEn: s.titleEn, issuedOn: s.issuedOn };
  }
  return out;
}

/** Database constraint failures that are the caller's fault become 400/409 answers. */
export async function dbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; detail?: string; message?: string };
    if (e.code === '23503') {
      throw new DomainError(
        'invalid',
        'REFERENCE_UNKNOWN',
        e.detail ?? 'unknown reference (indicator or source)',
      );
    }
    if (e.code === '23505')
      throw new DomainError('conflict', 'ALREADY_EXISTS', e.detail ?? 'already exists');
    if (e.code === '23514')
      throw new DomainError('invalid', 'CONSTRAINT_VIOLATED', e.message ?? 'invalid value');
    throw err;
  }
}

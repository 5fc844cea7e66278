import seed from '../../seed/catalogue.json' with { type: 'json' };
import { catalogueSchema, type Catalogue, type Indicator } from './schema';

/**
 * Validates any catalogue document (an uploaded replacement, a test fixture) against the seed
 * schema. Throws a zod error naming the offending path.
 */
export function parseCatalogue(json: unknown): Catalogue {
  return catalogueSchema.parse(json);
}

let cached: Catalogue | undefined;

/**
 * The catalogue shipped with the platform. It is imported as a module rather than read from disk
 * so that it travels with any bundle of the API; it is still validated once, because a JSON
 * import is only as trustworthy as the last hand edit of the file.
 */
export function loadCatalogue(): Catalogue {
  cached ??= parseCatalogue(seed);
  return cached;
}

/** Indicators by code, the lookup every validator and evaluator needs. */
export function indexIndicators(
  catalogue: Pick<Catalogue, 'indicators'>,
): ReadonlyMap<string, Indicator> {
  return new Map(catalogue.indicators.map((i) => [i.code, i]));
}

import type { Queryable } from '@ioc/db';
import { StaService, type StaOptions } from '@ioc/opendata';

/** SensorThings API (libs/opendata): read-only, over the pool; other parts add conformance classes. */
export function staService(pool: Queryable, options: StaOptions = {}): StaService {
  return new StaService(pool, options);
}

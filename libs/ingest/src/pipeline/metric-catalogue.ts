import type { Queryable } from '@ioc/db';
import { MetricRepository, type MetricDef } from './metric.repository';

export type { MetricDef } from './metric.repository';

/** The metric table, loaded once (it changes only by migration). */
export class MetricCatalogue {
  private constructor(private readonly byCode: ReadonlyMap<string, MetricDef>) {}

  static async load(db: Queryable): Promise<MetricCatalogue> {
    return MetricCatalogue.of(await new MetricRepository(db).all());
  }

  static of(defs: MetricDef[]): MetricCatalogue {
    return new MetricCatalogue(new Map(defs.map((d) => [d.code, d])));
  }

  get(code: string): MetricDef | undefined {
    return this.byCode.get(code);
  }

  all(): MetricDef[] {
    return [...this.byCode.values()];
  }
}

import type { QueryResultRow } from 'pg';

/** The slice of `pg.Pool` / `pg.PoolClient` that repositories need, so they accept either. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- mirrors pg's typed query()
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

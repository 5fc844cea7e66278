import type { Queryable } from '@ioc/db';
import { compileExpression, type CompileScope } from './filter-compiler';
import { pageSize, type Expression, type QueryOptions } from './query-options';
import { SqlParams } from './sql-params';
import { bad } from './spatial';
import { matchColumn, type EntitySet, type QueryContext, type Row } from './sta-model';

/** Rows narrowed by the resource path (`Things('x')/Datastreams`), as SQL over the alias. */
export type Scope = (alias: string, p: SqlParams) => string;

export interface Page {
  rows: Row[];
  count?: number;
  more: boolean;
}

/** The SQL side of SensorThings: one parameterised statement per collection or expand level. */
export class StaReader {
  constructor(
    private readonly db: Queryable,
    private readonly ctx: QueryContext,
  ) {}

  /** A page of the set: scope and $filter, ordered, `$top` rows (one more read to know if there is a next page). */
  async page(set: EntitySet, scope: Scope | null, options: QueryOptions): Promise<Page> {
    const p = new SqlParams();
    const where = await this.where(set, 't', p, scope, options.filter);
    const order = await this.order(set, 't', p, options);
    const top = pageSize(options);
    const { rows } = await this.db.query(
      `SELECT t.* FROM (${set.base(p, this.ctx)}) t WHERE ${where} ORDER BY ${order}
       LIMIT ${p.add(top + 1)}::int OFFSET ${p.add(options.skip)}::int`,
      p.values,
    );
    const page: Page = { rows: rows.slice(0, top), more: rows.length > top };
    if (options.count) page.count = await this.count(set, scope, options.filter);
    return page;
  }

  async count(set: EntitySet, scope: Scope | null, filter?: Expression): Promise<number> {
    const p = new SqlParams();
    const where = await this.where(set, 't', p, scope, filter);
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${set.base(p, this.ctx)}) t WHERE ${where}`,
      p.values,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * The related rows of many parents at once: each parent's first `$top` after `$skip` (and one
   * more, to know whether there are more), with each parent's total when `$count` asks.
   */
  async related(
    set: EntitySet,
    childCol: string,
    parents: readonly string[],
    options: QueryOptions,
    limit: boolean,
  ): Promise<Map<string, { rows: Row[]; count: number; more: boolean }>> {
    const out = new Map<string, { rows: Row[]; count: number; more: boolean }>();
    if (parents.length === 0) return out;
    const p = new SqlParams();
    const scope: Scope = (a, q) => matchColumn(set, a, childCol, parents, q);
    const where = await this.where(set, 't', p, scope, options.filter);
    const order = await this.order(set, 't', p, options);
    const top = limit ? pageSize(options) : 1;
    const skip = limit ? options.skip : 0;
    const { rows } = await this.db.query(
      `SELECT * FROM (
         SELECT t.*, t.${childCol}::text AS "__parent",
           row_number() OVER (PARTITION BY t.${childCol} ORDER BY ${order}) AS "__rn",
           count(*) OVER (PARTITION BY t.${childCol}) AS "__n"
         FROM (${set.base(p, this.ctx)}) t WHERE ${where}) x
       WHERE x."__rn" > ${p.add(skip)} AND x."__rn" <= ${p.add(skip + top + 1)}
       ORDER BY x."__parent", x."__rn"`,
      p.values,
    );
    for (const r of rows) {
      const key = String(r.__parent);
      const group = out.get(key) ?? { rows: [], count: Number(r.__n), more: false };
      if (group.rows.length < top) group.rows.push(r);
      else group.more = true;
      out.set(key, group);
    }
    return out;
  }

  private async where(
    set: EntitySet,
    alias: string,
    p: SqlParams,
    scope: Scope | null,
    filter: Expression | undefined,
  ): Promise<string> {
    const parts = ['true'];
    if (scope) parts.push(scope(alias, p));
    if (filter) {
      const c = await compileExpression(filter.ast, this.compileScope(set, alias, p, filter));
      if (c.type !== 'boolean') throw bad('$filter must be a condition (true or false)');
      parts.push(`(${c.sql}) IS TRUE`);
    }
    return parts.join(' AND ');
  }

  private async order(
    set: EntitySet,
    alias: string,
    p: SqlParams,
    options: QueryOptions,
  ): Promise<string> {
    const parts: string[] = [];
    for (const o of options.orderby) {
      const c = await compileExpression(o.expr.ast, this.compileScope(set, alias, p, o.expr));
      parts.push(`${c.sql} ${o.desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`);
    }
    parts.push(set.defaultOrder(alias));
    if (!parts[parts.length - 1]?.endsWith(`${alias}.id`)) parts.push(`${alias}.id`);
    return parts.join(', ');
  }

  private compileScope(set: EntitySet, alias: string, p: SqlParams, e: Expression): CompileScope {
    return {
      set,
      alias,
      p,
      ctx: this.ctx,
      pre: e.pre,
      positions: (s, test) => this.positions(s, test),
    };
  }

  /** Ids of the set's entities whose public (rounded) position passes the test. */
  private async positions(
    set: EntitySet,
    test: (pt: [number, number]) => boolean,
  ): Promise<string[]> {
    const p = new SqlParams();
    const { rows } = await this.db.query<{ id: string; lon: number; lat: number }>(
      `SELECT t.id, t.lon, t.lat FROM (${set.base(p, this.ctx)}) t WHERE t.lon IS NOT NULL AND t.lat IS NOT NULL`,
      p.values,
    );
    return rows.filter((r) => test([r.lon, r.lat])).map((r) => r.id);
  }
}

import type { Queryable } from './queryable';

/** Whether the database answers a trivial query (health checks; never throws). */
export async function pingDatabase(db: Queryable): Promise<boolean> {
  return db.query('SELECT 1').then(
    () => true,
    () => false,
  );
}

// The offline job's exclusive lock: a PostgreSQL session advisory lock, so two instances never run it at once
// (each transition is a compare-and-set as well, so even an overlap would change nothing twice).
import { sql } from 'kysely';
import type { AppContext, Db } from '../../context.ts';

/** Arbitrary constant naming "the offline run-status job" among advisory locks. */
const OFFLINE_JOB_LOCK_KEY = 7_316_000_030;

const runningHere = new WeakSet<Db>();

export async function withOfflineJobLock<T>(
  ctx: AppContext,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  if (runningHere.has(ctx.db)) return { acquired: false };
  runningHere.add(ctx.db);
  try {
    // PGlite is one session in one process: the in-process guard above is what excludes there.
    if (ctx.dbKind !== 'postgres') return { acquired: true, value: await fn() };
    return await ctx.db.connection().execute(async (conn) => {
      const got = await sql<{
        got: boolean;
      }>`SELECT pg_try_advisory_lock(${OFFLINE_JOB_LOCK_KEY}::bigint) AS got`.execute(conn);
      if (got.rows[0]?.got !== true) return { acquired: false as const };
      try {
        return { acquired: true as const, value: await fn() };
      } finally {
        await sql`SELECT pg_advisory_unlock(${OFFLINE_JOB_LOCK_KEY}::bigint)`.execute(conn).catch(() => {});
      }
    });
  } finally {
    runningHere.delete(ctx.db);
  }
}

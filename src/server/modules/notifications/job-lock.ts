// The notification jobs' exclusive locks: PostgreSQL session advisory locks, so two instances never run the same job
// at once (each job is idempotent as well, so an overlap would still send nothing twice).
import { sql } from 'kysely';
import type { AppContext, Db } from '../../context.ts';

/** Arbitrary constants naming each job among advisory locks (the other jobs use 7_316_00xxxx as well). */
export const LOCK_KEYS = {
  mailWorker: 7_316_000_900,
  deadlineAlerts: 7_316_000_901,
  dailyDigest: 7_316_000_902,
  offlineEnding: 7_316_000_903,
} as const;

const runningHere = new Map<number, WeakSet<Db>>();

/**
 * Runs `fn` holding lock `key`, or returns `{ acquired: false }` at once when another run holds it. PostgreSQL: the
 * lock lives on one pooled connection held for the whole run (the work uses other connections). PGlite is one
 * session in one process, where session locks are re-entrant: the in-process guard is what excludes there.
 */
export async function withJobLock<T>(
  ctx: AppContext,
  key: number,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const here = runningHere.get(key) ?? new WeakSet<Db>();
  runningHere.set(key, here);
  if (here.has(ctx.db)) return { acquired: false };
  here.add(ctx.db);
  try {
    if (ctx.dbKind !== 'postgres') return { acquired: true, value: await fn() };
    return await ctx.db.connection().execute(async (conn) => {
      const got = await sql<{ got: boolean }>`SELECT pg_try_advisory_lock(${key}::bigint) AS got`.execute(conn);
      if (got.rows[0]?.got !== true) return { acquired: false as const };
      try {
        return { acquired: true as const, value: await fn() };
      } finally {
        await sql`SELECT pg_advisory_unlock(${key}::bigint)`.execute(conn).catch(() => {});
      }
    });
  } finally {
    here.delete(ctx.db);
  }
}

// The nightly sweep's exclusive lock: a PostgreSQL session advisory lock, so two instances never sweep at once.
import { sql } from 'kysely';
import type { AppContext, Db } from '../../context.ts';

/** Arbitrary constant naming "the link sweep" among advisory locks (the issuance batch uses another). */
const LINK_SWEEP_LOCK_KEY = 7_316_000_200;

const runningHere = new WeakSet<Db>();

async function tryLock(db: Db): Promise<boolean> {
  const result = await sql<{
    got: boolean;
  }>`SELECT pg_try_advisory_lock(${LINK_SWEEP_LOCK_KEY}::bigint) AS got`.execute(db);
  return result.rows[0]?.got === true;
}

async function unlock(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_unlock(${LINK_SWEEP_LOCK_KEY}::bigint)`.execute(db);
}

/**
 * Runs `fn` holding the lock, or returns `{ acquired: false }` at once when another sweep holds it. On PostgreSQL
 * the lock lives on one pooled connection kept for the whole run (the work uses other connections), so a killed
 * process releases it with its connection. PGlite is one session in one process, where session locks are
 * re-entrant: the in-process guard is what excludes there.
 */
export async function withLinkSweepLock<T>(
  ctx: AppContext,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  if (runningHere.has(ctx.db)) return { acquired: false };
  runningHere.add(ctx.db);
  try {
    if (ctx.dbKind !== 'postgres') return { acquired: true, value: await fn() };
    return await ctx.db.connection().execute(async (conn) => {
      if (!(await tryLock(conn))) return { acquired: false as const };
      try {
        return { acquired: true as const, value: await fn() };
      } finally {
        await unlock(conn).catch(() => {});
      }
    });
  } finally {
    runningHere.delete(ctx.db);
  }
}

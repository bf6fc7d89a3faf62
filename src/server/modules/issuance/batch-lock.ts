// The batch's exclusive lock: a PostgreSQL session advisory lock, so one batch runs at a time across instances.
import { sql } from 'kysely';
import type { AppContext, Db } from '../../context.ts';

/** Arbitrary constant naming "the 网站标识码 batch" among advisory locks. */
const ISSUANCE_LOCK_KEY = 7_316_001_600;

/** Batches running in this process, per database handle (cheap first check; the advisory lock is the real one). */
const runningHere = new WeakSet<Db>();

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

async function tryLock(db: Db): Promise<boolean> {
  const result = await sql<{ got: boolean }>`SELECT pg_try_advisory_lock(${ISSUANCE_LOCK_KEY}::bigint) AS got`.execute(
    db,
  );
  return result.rows[0]?.got === true;
}

async function unlock(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_unlock(${ISSUANCE_LOCK_KEY}::bigint)`.execute(db);
}

/**
 * Runs `fn` while holding the batch lock, or returns `{ acquired: false }` at once when another run holds it.
 * PostgreSQL: the lock lives on one pooled connection held for the whole run (the work itself uses other
 * connections), so a killed process releases it with its connection. PGlite is a single session in a single process
 * (the data directory lock keeps others out), where session locks are re-entrant: the in-process guard excludes there.
 */
export async function withIssuanceLock<T>(ctx: AppContext, fn: () => Promise<T>): Promise<Locked<T>> {
  if (runningHere.has(ctx.db)) return { acquired: false };
  runningHere.add(ctx.db);
  try {
    if (ctx.dbKind === 'postgres') {
      return await ctx.db.connection().execute(async (conn) => {
        if (!(await tryLock(conn))) return { acquired: false };
        try {
          return { acquired: true, value: await fn() };
        } finally {
          await unlock(conn).catch(() => {});
        }
      });
    }
    if (!(await tryLock(ctx.db))) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await unlock(ctx.db).catch(() => {});
    }
  } finally {
    runningHere.delete(ctx.db);
  }
}

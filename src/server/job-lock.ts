// The scheduled jobs' exclusive locks: one run of a job at a time, in this process and across instances. Each job
// is idempotent as well (compare-and-set per row, dedupe keys, ledgers), so even an overlap would do nothing twice.
import { sql } from 'kysely';
import type { AppContext, Db } from './context.ts';

/** Arbitrary constants naming each job among PostgreSQL advisory locks (7_316_00xxxx). */
export const JOB_LOCKS = {
  issuance: 7_316_001_600,
  linkSweep: 7_316_000_200,
  offlineRunStatus: 7_316_000_030,
  mailWorker: 7_316_000_900,
  deadlineAlerts: 7_316_000_901,
  dailyDigest: 7_316_000_902,
  offlineEnding: 7_316_000_903,
} as const;

export type JobLockKey = (typeof JOB_LOCKS)[keyof typeof JOB_LOCKS];

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/** Runs in this process, per lock and database handle: the cheap first check, and the only one on PGlite. */
const runningHere = new Map<number, WeakSet<Db>>();

/**
 * Runs `fn` holding lock `key`, or returns `{ acquired: false }` at once when another run holds it. PostgreSQL: a
 * session advisory lock on one pooled connection held for the whole run (the work itself uses other connections),
 * so a killed process releases it with its connection. PGlite is one session in one process (the data directory lock
 * keeps other processes out), where session locks are re-entrant: the in-process guard is what excludes there.
 */
export async function withJobLock<T>(ctx: AppContext, key: JobLockKey, fn: () => Promise<T>): Promise<Locked<T>> {
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

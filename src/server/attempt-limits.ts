// Attempt limits that hold under bursts (issue 16): every attempt is counted by one atomic statement *before* the
// secret is checked, so N parallel attempts can never check more than the limit. Two shapes:
// - a rate limit (an IP's logins, an IP's 临时码 queries): at most `max` attempts per window; a successful attempt
//   gives its place back (`releaseAttempt`), so only failures use up the limit;
// - a lockout (an account, a site, an unknown login name): the attempt that reaches `max` blocks the key for
//   `blockMs` (that attempt is still checked); a blocked key is refused without checking anything.
import { sql } from 'kysely';
import type { Db, Trx } from './context.ts';

export interface RateLimit {
  windowMs: number;
  max: number;
}

/**
 * Takes one of the window's `max` places for an attempt under `key` and says whether it may go on. The row is
 * created, reset when its window is over, or incremented while a place is free — in one statement, so concurrent
 * attempts get distinct places. A refused attempt takes no place: it was not checked, so it is not a failure.
 */
export async function takeAttempt(db: Db | Trx, key: string, now: Date, limit: RateLimit): Promise<boolean> {
  const windowOver = new Date(now.getTime() - limit.windowMs);
  const row = await sql<{ count: number }>`
    INSERT INTO attempt_counters AS c (key, window_start, count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.window_start <= ${windowOver} THEN 1 ELSE c.count + 1 END,
      window_start = CASE WHEN c.window_start <= ${windowOver} THEN ${now} ELSE c.window_start END
    WHERE c.window_start <= ${windowOver} OR c.count < ${limit.max}
    RETURNING count`.execute(db);
  return row.rows.length === 1;
}

/** Gives back the place of an attempt that succeeded (only failures count against a rate limit). */
export async function releaseAttempt(db: Db | Trx, key: string): Promise<void> {
  await sql`UPDATE attempt_counters SET count = count - 1 WHERE key = ${key} AND count > 0`.execute(db);
}

export interface Lockout {
  max: number;
  blockMs: number;
}

/**
 * The answer to a lockout reservation: go on and check the secret (`lockedUntil` set when this attempt is the one
 * that locked the key: a failure then answers with the lock), or refused unchecked while the key is locked.
 */
export type Reservation = { ok: true; count: number; lockedUntil: Date | null } | { ok: false; lockedUntil: Date };

/**
 * The lockout update of one row, shared by `users`, `sites` and `attempt_counters`: an expired block starts a new
 * count, the attempt that reaches `max` sets the block at once (so no further attempt is checked while it runs), and
 * a row still blocked is not updated at all. Column values on the right are the row's values before the update.
 */
function lockoutSet(now: Date, lockout: Lockout, counter: string, blocked: string) {
  const expired = sql`(${sql.ref(blocked)} IS NOT NULL AND ${sql.ref(blocked)} <= ${now})`;
  const next = sql`(CASE WHEN ${expired} THEN 1 ELSE ${sql.ref(counter)} + 1 END)`;
  const until = new Date(now.getTime() + lockout.blockMs);
  return {
    next,
    blockedExpr: sql`CASE WHEN ${next} >= ${lockout.max} THEN ${until}::timestamptz ELSE NULL END`,
    notBlocked: sql`(${sql.ref(blocked)} IS NULL OR ${sql.ref(blocked)} <= ${now})`,
  };
}

function answer(row: { count: number; blocked_until: Date | string | null } | undefined): Reservation | null {
  if (!row) return null;
  return { ok: true, count: row.count, lockedUntil: row.blocked_until ? new Date(row.blocked_until) : null };
}

/**
 * Reserves one attempt on an account row: an org user's password (`users`) or a site's 校验码 (`sites`), both
 * counted in `failed_attempts` / `locked_until`.
 */
export async function reserveAccountAttempt(
  db: Db | Trx,
  account: { table: 'users' | 'sites'; id: number },
  now: Date,
  lockout: Lockout,
): Promise<Reservation> {
  const s = lockoutSet(now, lockout, 'failed_attempts', 'locked_until');
  const table = sql.table(account.table);
  const row = await sql<{ count: number; blocked_until: Date | null }>`
    UPDATE ${table} SET failed_attempts = ${s.next}, locked_until = ${s.blockedExpr}
    WHERE id = ${account.id} AND ${s.notBlocked}
    RETURNING failed_attempts AS count, locked_until AS blocked_until`.execute(db);
  return answer(row.rows[0]) ?? refused(db, sql`SELECT locked_until AS until FROM ${table} WHERE id = ${account.id}`);
}

/**
 * Reserves one attempt on a key that has no account row (an unknown login name), with the same lockout as an
 * account: a guesser cannot tell a name that exists from one that does not by whether it ever locks.
 */
export async function reserveKeyAttempt(db: Db | Trx, key: string, now: Date, lockout: Lockout) {
  // Qualified: inside ON CONFLICT … DO UPDATE a bare column name could also mean the proposed (excluded) row.
  const s = lockoutSet(now, lockout, 'attempt_counters.count', 'attempt_counters.blocked_until');
  const row = await sql<{ count: number; blocked_until: Date | null }>`
    INSERT INTO attempt_counters (key, window_start, count, blocked_until)
    VALUES (${key}, ${now}, 1, ${lockout.max <= 1 ? new Date(now.getTime() + lockout.blockMs) : null})
    ON CONFLICT (key) DO UPDATE SET count = ${s.next}, blocked_until = ${s.blockedExpr}, window_start = ${now}
    WHERE ${s.notBlocked}
    RETURNING count, blocked_until`.execute(db);
  return (
    answer(row.rows[0]) ?? refused(db, sql`SELECT blocked_until AS until FROM attempt_counters WHERE key = ${key}`)
  );
}

async function refused(db: Db | Trx, query: ReturnType<typeof sql<{ until: Date | null }>>): Promise<Reservation> {
  const r = await query.execute(db);
  const until = r.rows[0]?.until;
  return { ok: false, lockedUntil: until ? new Date(until) : new Date(0) };
}

/** Forgets counters whose window and block are long over; run by the session purge job. */
export async function purgeAttemptCounters(db: Db, now: Date, olderThanMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  const result = await db
    .deleteFrom('attempt_counters')
    .where('window_start', '<', cutoff)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

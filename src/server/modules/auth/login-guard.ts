// Brute-force protection shared by both logins and the current-password check: a per-IP limit and account lockout,
// each attempt counted atomically before its secret is checked (src/server/attempt-limits.ts).
import type { LoginResult, SessionKind } from '../../../db/schema.ts';
import { formatDateMinuteCN } from '../../../domain/dates.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { type Lockout, type RateLimit, releaseAttempt, takeAttempt } from '../../attempt-limits.ts';
import { MINUTE } from '../../clock.ts';
import type { Db } from '../../context.ts';
import { AppError } from '../../errors.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * MINUTE;
export const ACCOUNT_LOCKOUT: Lockout = { max: MAX_FAILED_ATTEMPTS, blockMs: LOCKOUT_MS };
export const IP_WINDOW_MS = 15 * MINUTE;
export const IP_MAX_FAILURES = 20;
const IP_LIMIT: RateLimit = { windowMs: IP_WINDOW_MS, max: IP_MAX_FAILURES };

const ipKey = (ip: string) => `login-ip:${ip}`;

/** Counts this login attempt against its IP before anything is checked; refuses past the limit. */
export async function takeLoginIpAttempt(db: Db, ip: string, now: Date): Promise<void> {
  if (!(await takeAttempt(db, ipKey(ip), now, IP_LIMIT))) throw new AppError('RATE_LIMITED', MESSAGES.loginThrottled);
}

/** A successful login gives its IP place back: only failures use up the limit. */
export async function releaseLoginIpAttempt(db: Db, ip: string): Promise<void> {
  await releaseAttempt(db, ipKey(ip));
}

/** The key that locks an unknown login name like an account, so locking tells nothing about which names exist. */
export const unknownLoginKey = (kind: SessionKind, login: string) =>
  `login-name:${kind}:${login.trim().toLowerCase().slice(0, 100)}`;

export async function logLogin(
  db: Db,
  entry: {
    at: Date;
    kind: SessionKind;
    login: string;
    ip: string;
    result: LoginResult;
    userId?: number | null;
    orgCode?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('login_log')
    .values({
      at: entry.at,
      kind: entry.kind,
      login: entry.login.slice(0, 100),
      ip: entry.ip,
      result: entry.result,
      user_id: entry.userId ?? null,
      org_code: entry.orgCode ?? null,
    })
    .execute();
}

/** `secret` names what was typed wrong: the password (组织单位 login) or the check code (填报单位 login). */
export function lockedError(until: Date, secret: 'password' | 'checkCode' = 'password'): AppError {
  const message = MESSAGES.accountLocked(secret, MAX_FAILED_ATTEMPTS, formatDateMinuteCN(until));
  return new AppError('ACCOUNT_LOCKED', message, { lockedUntil: until.toISOString() });
}

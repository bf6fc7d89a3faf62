// Brute-force protection shared by both logins and the current-password check: a per-IP limit and account lockout,
// each attempt counted atomically before its secret is checked (src/server/attempt-limits.ts).
import type { LoginResult, SessionKind } from '../../../db/schema.ts';
import { formatDateMinuteCN } from '../../../domain/dates.ts';
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
export const IP_THROTTLED = '登录失败次数过多，请 15 分钟后再试';

const ipKey = (ip: string) => `login-ip:${ip}`;

/** Counts this login attempt against its IP before anything is checked; refuses past the limit. */
export async function takeLoginIpAttempt(db: Db, ip: string, now: Date): Promise<void> {
  if (!(await takeAttempt(db, ipKey(ip), now, IP_LIMIT))) throw new AppError('RATE_LIMITED', IP_THROTTLED);
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

/** `secret` names what was typed wrong: 密码 for the 组织单位 login, 校验码 for the 填报单位 login. */
export function lockedMessage(until: Date, secret = '密码'): string {
  return `${secret}连续错误 ${MAX_FAILED_ATTEMPTS} 次，账号已锁定，请于 ${formatDateMinuteCN(until)}（北京时间）后再试`;
}

export function lockedError(until: Date, secret = '密码'): AppError {
  return new AppError('ACCOUNT_LOCKED', lockedMessage(until, secret), { lockedUntil: until.toISOString() });
}

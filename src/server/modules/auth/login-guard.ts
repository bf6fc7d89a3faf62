// Brute-force protection shared by both logins: a per-IP limit over the login log, and account lockout rules.
import { sql } from 'kysely';
import type { LoginResult, SessionKind } from '../../../db/schema.ts';
import { formatDateCN, shanghaiParts } from '../../../domain/status-labels.ts';
import { MINUTE } from '../../clock.ts';
import type { Db } from '../../context.ts';
import { AppError } from '../../errors.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * MINUTE;
export const IP_WINDOW_MS = 15 * MINUTE;
export const IP_MAX_FAILURES = 20;

export async function assertIpNotThrottled(db: Db, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - IP_WINDOW_MS);
  const row = await db
    .selectFrom('login_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ip', '=', ip)
    .where('at', '>', since)
    .where('result', '<>', 'SUCCESS')
    .executeTakeFirstOrThrow();
  if (row.n >= IP_MAX_FAILURES) {
    throw new AppError('RATE_LIMITED', '登录失败次数过多，请 15 分钟后再试');
  }
}

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
  const p = shanghaiParts(until);
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${secret}连续错误 ${MAX_FAILED_ATTEMPTS} 次，账号已锁定，请于 ${formatDateCN(until)} ${hm}（北京时间）后再试`;
}

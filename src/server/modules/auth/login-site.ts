// 填报单位登录: 网站标识码 + 校验码, with the same per-IP limit and lockout as the 组织单位 login. The first success
// marks the 校验码 as used and drops its encrypted copy (the 临时码 query stops showing it).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { normalizeCodeInput } from '../../../domain/codes.ts';
import { siteLoginBlockedReason } from '../../../domain/issuance.ts';
import { parseSiteCode } from '../../../domain/org-code.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { verifyCheckCodeDummy, verifySecret } from '../../passwords.ts';
import { startSession } from '../../plugins/session.ts';
import { assertIpNotThrottled, LOCKOUT_MS, lockedMessage, logLogin, MAX_FAILED_ATTEMPTS } from './login-guard.ts';

const BAD_CREDENTIALS = '网站标识码或校验码错误';

export async function loginSite(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { siteCode: string; checkCode: string },
): Promise<{ csrfToken: string; siteCode: string }> {
  const { db, clock } = ctx;
  const now = clock.now();
  const ip = request.ip;
  const parsed = parseSiteCode(input.siteCode);
  const login = parsed.ok ? parsed.siteCode : input.siteCode.trim();
  const log = (result: Parameters<typeof logLogin>[1]['result'], orgCode?: string) =>
    logLogin(db, { at: now, kind: 'SITE', login, ip, result, orgCode: orgCode ?? null });

  try {
    await assertIpNotThrottled(db, ip, now);
  } catch (error) {
    await log('RATE_LIMITED');
    throw error;
  }

  const checkCode = normalizeCodeInput(input.checkCode);
  const site = parsed.ok
    ? await db
        .selectFrom('sites')
        .select(['id', 'site_code', 'org_code', 'run_status', 'check_code_hash', 'locked_until'])
        .where('site_code', '=', parsed.siteCode)
        .executeTakeFirst()
    : undefined;

  if (!site?.site_code || !site.check_code_hash) {
    await verifyCheckCodeDummy(checkCode);
    await log('UNKNOWN_USER');
    throw new AppError('BAD_CREDENTIALS', BAD_CREDENTIALS);
  }
  if (site.locked_until && new Date(site.locked_until) > now) {
    await log('LOCKED', site.org_code);
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(new Date(site.locked_until), '校验码'), {
      lockedUntil: new Date(site.locked_until).toISOString(),
    });
  }
  if (!(await verifySecret(site.check_code_hash, checkCode))) {
    // Count atomically so parallel wrong attempts cannot slip past the limit.
    const updated = await db
      .updateTable('sites')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', site.id)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    await log('BAD_PASSWORD', site.org_code);
    if (updated.failed_attempts >= MAX_FAILED_ATTEMPTS) {
      const until = new Date(now.getTime() + LOCKOUT_MS);
      await db
        .updateTable('sites')
        .set({ locked_until: until, failed_attempts: 0 })
        .where('id', '=', site.id)
        .execute();
      throw new AppError('ACCOUNT_LOCKED', lockedMessage(until, '校验码'), { lockedUntil: until.toISOString() });
    }
    const left = MAX_FAILED_ATTEMPTS - updated.failed_attempts;
    throw new AppError('BAD_CREDENTIALS', `${BAD_CREDENTIALS}，再错 ${left} 次将被锁定 15 分钟`);
  }

  // Only after the right 校验码: a guess must not learn that a code belonged to a deleted site.
  const blocked = siteLoginBlockedReason(site.run_status);
  if (blocked) {
    await log('DISABLED', site.org_code);
    throw new AppError('ACCOUNT_DISABLED', blocked);
  }

  const siteCode = site.site_code;
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sites')
      .set({
        failed_attempts: 0,
        locked_until: null,
        // The copy is for the progress query until the 校验码 has been used; from now on only the hash remains.
        check_code_enc: null,
        first_login_at: sql<Date>`coalesce(first_login_at, ${now})`,
      })
      .where('id', '=', site.id)
      .execute();
    return startSession(trx, ctx, request, reply, { kind: 'SITE', siteCode });
  });
  await log('SUCCESS', site.org_code);
  return { csrfToken: session.csrfToken, siteCode };
}

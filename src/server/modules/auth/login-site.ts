// 填报单位登录: 网站标识码 + 校验码, with the same per-IP limit and lockout as the 组织单位 login (each attempt counted
// before the 校验码 is checked; an unknown 标识码 answers and locks like a known one). The first success
// marks the 校验码 as used and drops its encrypted copy (the 临时码 query stops showing it).

import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { normalizeCodeInput } from '../../../domain/codes.ts';
import { siteLoginBlockedReason } from '../../../domain/issuance.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { parseSiteCode } from '../../../domain/org-code.ts';
import { reserveAccountAttempt, reserveKeyAttempt } from '../../attempt-limits.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { verifyCheckCodeDummy, verifySecret } from '../../passwords.ts';
import { startSession } from '../../plugins/session.ts';
import {
  ACCOUNT_LOCKOUT,
  lockedError,
  logLogin,
  releaseLoginIpAttempt,
  takeLoginIpAttempt,
  unknownLoginKey,
} from './login-guard.ts';

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
    await takeLoginIpAttempt(db, ip, now);
  } catch (error) {
    await log('RATE_LIMITED');
    throw error;
  }

  const checkCode = normalizeCodeInput(input.checkCode);
  const found = parsed.ok
    ? await db
        .selectFrom('sites')
        .select(['id', 'site_code', 'org_code', 'run_status', 'check_code_hash'])
        .where('site_code', '=', parsed.siteCode)
        .executeTakeFirst()
    : undefined;
  const site = found?.site_code && found.check_code_hash ? found : undefined;

  const reservation = site
    ? await reserveAccountAttempt(db, { table: 'sites', id: site.id }, now, ACCOUNT_LOCKOUT)
    : await reserveKeyAttempt(db, unknownLoginKey('SITE', login), now, ACCOUNT_LOCKOUT);
  if (!reservation.ok) {
    await log('LOCKED', site?.org_code);
    throw lockedError(reservation.lockedUntil, 'checkCode');
  }
  const right = site?.check_code_hash
    ? await verifySecret(site.check_code_hash, checkCode)
    : await verifyCheckCodeDummy(checkCode);
  if (!site || !right) {
    await log(site ? 'BAD_PASSWORD' : 'UNKNOWN_USER', site?.org_code);
    if (reservation.lockedUntil) throw lockedError(reservation.lockedUntil, 'checkCode');
    throw new AppError('BAD_CREDENTIALS', MESSAGES.badSiteCredentials);
  }

  // Only after the right 校验码: a guess must not learn that a code belonged to a deleted site.
  const blocked = siteLoginBlockedReason(site.run_status);
  if (blocked) {
    await log('DISABLED', site.org_code);
    throw new AppError('ACCOUNT_DISABLED', blocked);
  }

  const siteCode = site.site_code as string;
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
  await releaseLoginIpAttempt(db, ip);
  await log('SUCCESS', site.org_code);
  return { csrfToken: session.csrfToken, siteCode };
}

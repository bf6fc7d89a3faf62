// 组织单位登录: username + password, with lockout, per-IP limit, login log and a fresh session. Every attempt is
// counted (IP, then account or unknown name) before the password is checked, and a wrong password gets the same
// answer whether the name exists or not; the answer changes only when the lock happens.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { reserveAccountAttempt, reserveKeyAttempt } from '../../attempt-limits.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { verifyDummy, verifySecret } from '../../passwords.ts';
import { startSession } from '../../plugins/session.ts';
import {
  ACCOUNT_LOCKOUT,
  lockedError,
  logLogin,
  releaseLoginIpAttempt,
  takeLoginIpAttempt,
  unknownLoginKey,
} from './login-guard.ts';

export async function loginOrgUser(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { username: string; password: string },
): Promise<{ csrfToken: string; mustChangePassword: boolean }> {
  const { db, clock } = ctx;
  const now = clock.now();
  const ip = request.ip;
  const log = (result: Parameters<typeof logLogin>[1]['result'], userId?: number, orgCode?: string) =>
    logLogin(db, {
      at: now,
      kind: 'ORG_USER',
      login: input.username,
      ip,
      result,
      userId: userId ?? null,
      orgCode: orgCode ?? null,
    });

  try {
    await takeLoginIpAttempt(db, ip, now);
  } catch (error) {
    await log('RATE_LIMITED');
    throw error;
  }

  const user = await db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.code', 'u.org_code')
    .select([
      'u.id',
      'u.password_hash',
      'u.enabled',
      'u.must_change_password',
      'u.org_code',
      'o.enabled as org_enabled',
    ])
    .where(sql`lower(u.username)`, '=', input.username.trim().toLowerCase())
    .executeTakeFirst();

  const reservation = user
    ? await reserveAccountAttempt(db, { table: 'users', id: user.id }, now, ACCOUNT_LOCKOUT)
    : await reserveKeyAttempt(db, unknownLoginKey('ORG_USER', input.username), now, ACCOUNT_LOCKOUT);
  if (!reservation.ok) {
    await log('LOCKED', user?.id, user?.org_code);
    throw lockedError(reservation.lockedUntil);
  }

  const right = user ? await verifySecret(user.password_hash, input.password) : await verifyDummy(input.password);
  if (!user || !right) {
    await log(user ? 'BAD_PASSWORD' : 'UNKNOWN_USER', user?.id, user?.org_code);
    if (reservation.lockedUntil) throw lockedError(reservation.lockedUntil);
    throw new AppError('BAD_CREDENTIALS', MESSAGES.badOrgCredentials);
  }
  // Only after the right password: a guess must not learn that a name belongs to a disabled account.
  if (!user.enabled || !user.org_enabled) {
    await log('DISABLED', user.id, user.org_code);
    throw new AppError('ACCOUNT_DISABLED', MESSAGES.accountDisabled);
  }

  const session = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    return startSession(trx, ctx, request, reply, { kind: 'ORG_USER', userId: user.id });
  });
  await releaseLoginIpAttempt(db, ip);
  await log('SUCCESS', user.id, user.org_code);
  return { csrfToken: session.csrfToken, mustChangePassword: user.must_change_password };
}

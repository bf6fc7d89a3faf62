// 组织单位登录: username + password, with lockout, per-IP limit, login log and a fresh session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { verifyDummy, verifySecret } from '../../passwords.ts';
import { startSession } from '../../plugins/session.ts';
import { assertIpNotThrottled, LOCKOUT_MS, lockedMessage, logLogin, MAX_FAILED_ATTEMPTS } from './login-guard.ts';

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
    await assertIpNotThrottled(db, ip, now);
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
      'u.locked_until',
      'u.must_change_password',
      'u.org_code',
      'o.enabled as org_enabled',
    ])
    .where(sql`lower(u.username)`, '=', input.username.trim().toLowerCase())
    .executeTakeFirst();

  if (!user) {
    await verifyDummy(input.password);
    await log('UNKNOWN_USER');
    throw new AppError('BAD_CREDENTIALS', '用户名或密码错误');
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    await log('LOCKED', user.id, user.org_code);
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(new Date(user.locked_until)), {
      lockedUntil: new Date(user.locked_until).toISOString(),
    });
  }
  if (!user.enabled || !user.org_enabled) {
    await log('DISABLED', user.id, user.org_code);
    throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系本单位或上级单位管理员');
  }

  if (!(await verifySecret(user.password_hash, input.password))) {
    // Count atomically so parallel wrong attempts cannot slip past the limit.
    const updated = await db
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: now }))
      .where('id', '=', user.id)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    await log('BAD_PASSWORD', user.id, user.org_code);
    if (updated.failed_attempts >= MAX_FAILED_ATTEMPTS) {
      const until = new Date(now.getTime() + LOCKOUT_MS);
      await db
        .updateTable('users')
        .set({ locked_until: until, failed_attempts: 0 })
        .where('id', '=', user.id)
        .execute();
      throw new AppError('ACCOUNT_LOCKED', lockedMessage(until), { lockedUntil: until.toISOString() });
    }
    const left = MAX_FAILED_ATTEMPTS - updated.failed_attempts;
    throw new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错 ${left} 次账号将被锁定 15 分钟`);
  }

  const session = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    return startSession(trx, ctx, request, reply, { kind: 'ORG_USER', userId: user.id });
  });
  await log('SUCCESS', user.id, user.org_code);
  return { csrfToken: session.csrfToken, mustChangePassword: user.must_change_password };
}

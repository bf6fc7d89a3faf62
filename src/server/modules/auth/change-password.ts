// 修改密码: checks the current password and the policy, ends every other session, audits the change.
import { checkPassword } from '../../../domain/password-policy.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { hashSecret, verifySecret } from '../../passwords.ts';
import { endAllSessions } from '../../plugins/session.ts';

export async function changePassword(
  ctx: AppContext,
  actor: OrgActor,
  sessionDigest: string | null,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifySecret(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确');
  }
  const problems = checkPassword(input.newPassword, actor.username);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  if (input.newPassword === input.currentPassword) throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同');
  const hash = await hashSecret(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // Compare-and-set on the hash that was verified: a change or an admin's reset in between wins, this one refuses.
    const changed = await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: false, updated_at: now })
      .where('id', '=', actor.userId)
      .where('password_hash', '=', user.password_hash)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) {
      throw new AppError('STATE_CONFLICT', '密码刚刚已被修改或重置，请使用新密码重新登录后再试');
    }
    await endAllSessions(trx, { userId: actor.userId }, sessionDigest);
    await writeAudit(trx, now, actor, { action: '修改密码', entityType: 'USER', entityId: String(actor.userId) }, ip);
  });
}

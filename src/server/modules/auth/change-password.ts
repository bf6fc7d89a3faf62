// 修改密码: checks the current password (counted like a login attempt) and the policy, ends every other session, audits the change.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { reserveAccountAttempt } from '../../attempt-limits.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { newPasswordProblems } from '../../password-strength.ts';
import { hashSecret, verifySecret } from '../../passwords.ts';
import { endAllSessions } from '../../plugins/session.ts';
import { ACCOUNT_LOCKOUT, lockedError } from './login-guard.ts';

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
  // The current-password check is a password guess like a login: counted on the account before it is checked, and
  // the lock ends every session of the account (a stolen session cannot keep guessing).
  const now = ctx.clock.now();
  const reservation = await reserveAccountAttempt(ctx.db, { table: 'users', id: actor.userId }, now, ACCOUNT_LOCKOUT);
  const right = reservation.ok && (await verifySecret(user.password_hash, input.currentPassword));
  if (!right) {
    const { lockedUntil } = reservation;
    if (lockedUntil) {
      await endAllSessions(ctx.db, { userId: actor.userId });
      throw lockedError(lockedUntil);
    }
    throw new AppError('VALIDATION_FAILED', MESSAGES.currentPasswordWrong);
  }
  // The right current password gives the attempt back, whatever the new password's fate below.
  await ctx.db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', actor.userId)
    .execute();
  const problems = await newPasswordProblems(input.newPassword, actor.username, [actor.orgCode]);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  if (input.newPassword === input.currentPassword)
    throw new AppError('VALIDATION_FAILED', MESSAGES.newPasswordSameAsCurrent);
  const hash = await hashSecret(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    // Compare-and-set on the hash that was verified: a change or an admin's reset in between wins, this one refuses.
    const changed = await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: false, updated_at: now })
      .where('id', '=', actor.userId)
      .where('password_hash', '=', user.password_hash)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) {
      throw new AppError('STATE_CONFLICT', MESSAGES.passwordChangedMeanwhile);
    }
    await endAllSessions(trx, { userId: actor.userId }, sessionDigest);
    await writeAudit(
      trx,
      now,
      actor,
      { kind: 'PASSWORD_CHANGED', entityType: 'USER', entityId: String(actor.userId) },
      ip,
    );
  });
}

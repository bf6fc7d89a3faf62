// Admin use cases: create, enable/disable and reset 组织单位 accounts inside the admin's own subtree.

import { randomInt } from 'node:crypto';
import type { UserRole } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { hashSecret } from '../../passwords.ts';
import { endAllSessions } from '../../plugins/session.ts';
import { findOrgUnitInSubtree } from '../org-units/repository.ts';
import { findAccountInSubtree, insertAccountOnce } from './repository.ts';

const CLASSES = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!'];

/** A random initial password that satisfies the policy (all four character classes, 14 characters). */
export function generateInitialPassword(): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((set) => set[randomInt(set.length)]!);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export async function createAccount(
  ctx: AppContext,
  actor: OrgActor,
  input: { username: string; displayName: string; orgCode: string; role: UserRole },
  ip: string,
): Promise<{ id: number; initialPassword: string }> {
  const org = await findOrgUnitInSubtree(ctx.db, input.orgCode, actor.orgPath);
  if (!org) throw notFound(MESSAGES.orgUnitNotFound);
  if (!org.enabled) throw new AppError('VALIDATION_FAILED', MESSAGES.orgUnitDisabledNoAccounts);
  const initialPassword = generateInitialPassword();
  const hash = await hashSecret(initialPassword);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertAccountOnce(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: hash,
      orgCode: org.code,
      role: input.role,
      mustChangePassword: true,
      now,
    });
    if (id === undefined) throw new AppError('CONFLICT', MESSAGES.usernameTaken(input.username));
    await writeAudit(
      trx,
      now,
      actor,
      {
        kind: 'ACCOUNT_CREATED',
        entityType: 'USER',
        entityId: String(id),
        data: { username: input.username, orgCode: org.code, role: input.role },
      },
      ip,
    );
    return { id, initialPassword };
  });
}

export async function setAccountEnabled(
  ctx: AppContext,
  actor: OrgActor,
  id: number,
  enabled: boolean,
  ip: string,
): Promise<void> {
  if (id === actor.userId && !enabled) throw new AppError('VALIDATION_FAILED', MESSAGES.cannotDisableSelf);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findAccountInSubtree(trx, id, actor.orgPath);
    if (!user) throw notFound(MESSAGES.accountNotFound);
    if (user.enabled === enabled) return;
    await trx.updateTable('users').set({ enabled, updated_at: now }).where('id', '=', id).execute();
    if (!enabled) await endAllSessions(trx, { userId: id });
    await writeAudit(
      trx,
      now,
      actor,
      {
        kind: enabled ? 'ACCOUNT_ENABLED' : 'ACCOUNT_DISABLED',
        entityType: 'USER',
        entityId: String(id),
        fromState: String(user.enabled),
        toState: String(enabled),
      },
      ip,
    );
  });
}

export async function resetAccountPassword(
  ctx: AppContext,
  actor: OrgActor,
  id: number,
  ip: string,
): Promise<{ initialPassword: string }> {
  const initialPassword = generateInitialPassword();
  const hash = await hashSecret(initialPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findAccountInSubtree(trx, id, actor.orgPath);
    if (!user) throw notFound(MESSAGES.accountNotFound);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: true, failed_attempts: 0, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await endAllSessions(trx, { userId: id });
    await writeAudit(trx, now, actor, { kind: 'PASSWORD_RESET', entityType: 'USER', entityId: String(id) }, ip);
  });
  return { initialPassword };
}

// The caller's 每日待办汇总 setting: on/off and the address it goes to (required to switch it on).

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { checkEmail } from '../../../domain/validation/email.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { invalid, notFound } from '../../errors.ts';
import type { inboxSettings, inboxSettingsBody } from './schema.ts';

type Settings = z.infer<typeof inboxSettings>;

export async function readInboxSettings(ctx: AppContext, actor: OrgActor): Promise<Settings> {
  const row = await ctx.db
    .selectFrom('users')
    .select(['digest_enabled', 'email'])
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw notFound(MESSAGES.accountNotFound);
  return { digestEnabled: row.digest_enabled, email: row.email };
}

export async function saveInboxSettings(
  ctx: AppContext,
  actor: OrgActor,
  input: z.infer<typeof inboxSettingsBody>,
): Promise<Settings> {
  let email: string | null = null;
  if (input.email) {
    const checked = checkEmail(input.email);
    if (!checked.ok) throw invalid(checked.error, { fields: [{ field: 'email', message: checked.error }] });
    email = checked.value;
  }
  if (input.digestEnabled && !email) {
    const message = MESSAGES.digestNeedsEmail;
    throw invalid(message, { fields: [{ field: 'email', message }] });
  }
  await ctx.db
    .updateTable('users')
    .set({ digest_enabled: input.digestEnabled, email, updated_at: ctx.clock.now() })
    .where('id', '=', actor.userId)
    .execute();
  return { digestEnabled: input.digestEnabled, email };
}

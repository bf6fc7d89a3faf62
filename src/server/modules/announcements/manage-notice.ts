// 置顶 / 取消置顶 / 撤回 a notice: only its publisher's unit (or the root); audited.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canManageNotice } from './open-notice.ts';
import { findVisible, lockNotice, updateNotice } from './repository.ts';
import type { manageBody } from './schema.ts';

const NOTICE_EVENTS = { PIN: 'NOTICE_PINNED', UNPIN: 'NOTICE_UNPINNED', WITHDRAW: 'NOTICE_WITHDRAWN' } as const;

export async function manageNotice(
  ctx: AppContext,
  opts: { actor: OrgActor; id: number; input: z.infer<typeof manageBody>; ip: string | null },
): Promise<{ ok: true }> {
  const { actor, id, input } = opts;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const visible = await findVisible(trx, actor, id);
    if (!visible) throw notFound(MESSAGES.noticeNotFound);
    if (!canManageNotice(actor, visible.publisher_org)) throw forbidden(MESSAGES.noticePublisherOnly);
    const notice = await lockNotice(trx, id);
    if (!notice || notice.withdrawn_at) throw notFound(MESSAGES.noticeNotFound);
    if (input.action === 'WITHDRAW') await updateNotice(trx, id, { withdrawn_at: now });
    else await updateNotice(trx, id, { pinned: input.action === 'PIN' });
    await writeAudit(
      trx,
      now,
      actor,
      { kind: NOTICE_EVENTS[input.action], entityType: 'NOTICE', entityId: String(id), comment: notice.title },
      opts.ip,
    );
    return { ok: true as const };
  });
}

// 发布重要通知: the root to all units, a level-1 unit to its own subtree; sanitized body, attachments claimed.

import type { z } from 'zod';
import type { NoticeAudience } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { claimAttachments, findJustPublished, insertNotice, recordRead } from './repository.ts';
import { plainText, sanitizeNoticeHtml } from './sanitize.ts';
import type { publishBody } from './schema.ts';

export function canPublish(actor: OrgActor): boolean {
  return actor.orgLevel <= 1;
}

export async function publishNotice(
  ctx: AppContext,
  opts: { actor: OrgActor; input: z.infer<typeof publishBody>; ip: string | null },
): Promise<{ id: number }> {
  const { actor, input } = opts;
  if (!canPublish(actor)) throw forbidden(MESSAGES.importantNoticeIssuers);
  if (actor.orgLevel > 0 && input.audience === 'ALL') {
    throw forbidden(MESSAGES.provinceNoticeScope);
  }
  const audience: NoticeAudience = actor.orgLevel === 0 ? (input.audience ?? 'ALL') : 'SUBTREE';
  const bodyHtml = await sanitizeNoticeHtml(input.bodyHtml);
  if ((await plainText(bodyHtml)) === '') throw invalid(MESSAGES.noticeBodyRequired);
  const ids = [...new Set(input.attachmentIds)];
  const now = ctx.clock.now();
  const notice = {
    title: input.title,
    bodyHtml,
    publisherOrg: actor.orgCode,
    audience,
    pinned: input.pinned,
    publishedAt: now,
    publishedBy: actor.userId,
    publisherName: actor.displayName,
  };
  return ctx.db.transaction().execute(async (trx) => {
    // A double click or a retry of the same notice answers with the notice already published, not a second one.
    const earlier = await findJustPublished(trx, notice);
    if (earlier !== null) return { id: earlier };
    const id = await insertNotice(trx, notice);
    const claimed = await claimAttachments(trx, id, actor.userId, ids);
    if (claimed !== ids.length) throw invalid(MESSAGES.noticeAttachmentsExpired);
    // The author has read what they wrote.
    await recordRead(trx, id, actor, now);
    await writeAudit(
      trx,
      now,
      actor,
      {
        kind: 'NOTICE_PUBLISHED',
        entityType: 'NOTICE',
        entityId: String(id),
        comment: input.title,
        data: { audience, pinned: input.pinned, attachments: ids.length },
      },
      opts.ip,
    );
    return { id };
  });
}

// 查看重要通知: the detail of a notice in the reader's audience; the first opening records the read receipt.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { attachmentsOf, findVisible, recordRead } from './repository.ts';
import type { noticeDetail } from './schema.ts';

export function canManageNotice(actor: OrgActor, publisherOrg: string): boolean {
  return actor.orgLevel === 0 || actor.orgCode === publisherOrg;
}

export async function openNotice(ctx: AppContext, actor: OrgActor, id: number): Promise<z.infer<typeof noticeDetail>> {
  const notice = await findVisible(ctx.db, actor, id);
  if (!notice) throw notFound(MESSAGES.noticeNotFound);
  await recordRead(ctx.db, id, actor, ctx.clock.now());
  const attachments = await attachmentsOf(ctx.db, id);
  return {
    id: notice.id,
    title: notice.title,
    bodyHtml: notice.body_html,
    publisherOrg: notice.publisher_org,
    publisherOrgName: notice.publisher_org_name,
    publisherName: notice.publisher_name,
    audience: notice.audience,
    pinned: notice.pinned,
    publishedAt: new Date(notice.published_at).toISOString(),
    canManage: canManageNotice(actor, notice.publisher_org),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mimeType: a.mime_type,
      sizeBytes: a.size_bytes,
    })),
  };
}

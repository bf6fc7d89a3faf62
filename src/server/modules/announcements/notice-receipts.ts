// 阅读回执: which units of a notice's audience have opened it and which not (for the publisher's unit and the root).

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canManageNotice } from './open-notice.ts';
import { findVisible, receipts } from './repository.ts';
import type { receiptsPage, receiptsQuery } from './schema.ts';

export async function noticeReceipts(
  ctx: AppContext,
  actor: OrgActor,
  id: number,
  query: z.infer<typeof receiptsQuery>,
): Promise<z.infer<typeof receiptsPage>> {
  const notice = await findVisible(ctx.db, actor, id);
  if (!notice) throw notFound(MESSAGES.noticeNotFound);
  if (!canManageNotice(actor, notice.publisher_org)) throw forbidden(MESSAGES.noticeReceiptsPublisherOnly);
  const result = await receipts(
    ctx.db,
    { id, audience: notice.audience, publisherOrg: notice.publisher_org, publisherPath: notice.publisher_path },
    query,
  );
  return {
    audienceUnits: result.audienceUnits,
    readUnits: result.readUnits,
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    items: result.items.map((r) => ({
      code: r.code,
      displayName: r.display_name,
      level: r.level,
      firstReadAt: r.first_read_at ? new Date(r.first_read_at).toISOString() : null,
    })),
  };
}

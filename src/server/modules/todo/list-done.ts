// 已办: what the caller's unit decided (审核通过 / 退回 / 驳回 / 提交 …), from its 审核流水 entries, newest first.
import type { z } from 'zod';
import type { AppContext, OrgActor } from '../../context.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import { actionLink } from './present.ts';
import { listDone } from './repository.ts';
import type { donePage, PageQuery } from './schema.ts';

export async function listDonePage(
  ctx: AppContext,
  actor: OrgActor,
  query: PageQuery,
): Promise<z.infer<typeof donePage>> {
  const { rows, total } = await listDone(ctx.db, actor.orgCode, query.pageSize, (query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.auditId,
      at: r.at.toISOString(),
      action: r.action,
      person: r.actorName ?? '',
      comment: r.comment ?? '',
      requestId: r.requestId,
      typeLabel: REQUEST_TYPE_LABELS[r.type],
      siteId: r.siteId,
      siteName: r.siteName,
      siteCode: r.siteCode,
      link: actionLink(r, false),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// 已办: what the caller's unit decided (审核通过 / 退回 / 驳回 / 提交 …), from its 审核流水 entries, newest first —
// about requests and about 年度报表.
import type { z } from 'zod';
import type { AppContext, OrgActor } from '../../context.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import { listDoneEntries } from './done-repository.ts';
import { actionLink, REPORT_TYPE_LABELS, reportLink } from './present.ts';
import type { donePage, PageQuery } from './schema.ts';

type DoneItem = z.infer<typeof donePage>['items'][number];

export async function listDonePage(
  ctx: AppContext,
  actor: OrgActor,
  query: PageQuery,
): Promise<z.infer<typeof donePage>> {
  const offset = (query.page - 1) * query.pageSize;
  const { rows, total } = await listDoneEntries(ctx.db, actor.orgCode, query.pageSize, offset);
  return {
    items: rows.map((r): DoneItem => {
      const common = {
        id: r.auditId,
        at: r.at.toISOString(),
        action: r.action,
        person: r.actorName ?? '',
        comment: r.comment ?? '',
        siteName: r.siteName,
        siteCode: r.siteCode,
      };
      if (r.kind === 'REQUEST' && r.type !== null && r.siteId !== null) {
        const link = actionLink(
          { type: r.type, siteCode: r.siteCode, siteName: r.siteName, requestId: r.subjectId },
          false,
        );
        return {
          ...common,
          kind: r.kind,
          requestId: r.subjectId,
          reportId: null,
          typeLabel: REQUEST_TYPE_LABELS[r.type],
          siteId: r.siteId,
          link,
        };
      }
      const kind = r.kind === 'SUPERVISION_REPORT' ? 'SUPERVISION_REPORT' : 'WORK_REPORT';
      const link = reportLink({ kind, id: r.subjectId, year: r.year ?? 0, siteCode: r.siteCode, siteName: r.siteName });
      const siteName = kind === 'SUPERVISION_REPORT' ? `${r.siteName}（${r.year}年度）` : r.siteName;
      return {
        ...common,
        kind,
        requestId: null,
        reportId: r.subjectId,
        typeLabel: REPORT_TYPE_LABELS[kind],
        siteId: r.siteId,
        siteName,
        link,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// 政府网站和栏目基本信息表: one page of the caller's subtree, with labels and abilities for the caller's unit.
import { deadlineCutoffs } from '../../../domain/working-days.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { presentLinkHealth } from '../link-checks/present-health.ts';
import { presentRow } from './present.ts';
import { listSiteRows } from './repository.ts';
import type { ListSitesQuery, SiteListItemView } from './schema.ts';

export interface SitePageView {
  items: SiteListItemView[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  waitingCount: number;
}

export async function listSites(ctx: AppContext, actor: OrgActor, query: ListSitesQuery): Promise<SitePageView> {
  const { page, pageSize, ...filters } = query;
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  // One statement: the page with each row's 链接健康, its capped total and the 待我审核 count.
  const { rows, total, totalExact, waitingCount } = await listSiteRows(ctx.db, viewer, filters, page, pageSize);
  const { overdueBefore } = deadlineCutoffs(ctx.clock.now(), deadlineRuleOf(ctx.config));
  const items = rows.map((r) => ({
    ...presentRow(r, actor.orgCode, overdueBefore),
    linkHealth: presentLinkHealth(r.runStatus, r.linkHealth ?? undefined),
  }));
  return { items, total, totalExact, page, pageSize, waitingCount };
}

// 政府网站和栏目基本信息表: one page of the caller's subtree, with labels and abilities for the caller's unit.
import { deadlineCutoffs } from '../../../domain/working-days.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { deadlineRuleOf } from '../notifications/deadline-rule.ts';
import { presentRow } from './present.ts';
import { countWaiting, listSiteRows } from './repository.ts';
import type { ListSitesQuery, SiteRowView } from './schema.ts';

export interface SitePageView {
  items: SiteRowView[];
  total: number;
  page: number;
  pageSize: number;
  waitingCount: number;
}

export async function listSites(ctx: AppContext, actor: OrgActor, query: ListSitesQuery): Promise<SitePageView> {
  const { page, pageSize, ...filters } = query;
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const [{ rows, total }, waitingCount] = await Promise.all([
    listSiteRows(ctx.db, viewer, filters, page, pageSize),
    countWaiting(ctx.db, viewer),
  ]);
  const { overdueBefore } = deadlineCutoffs(ctx.clock.now(), deadlineRuleOf(ctx.config));
  const items = rows.map((r) => presentRow(r, actor.orgCode, overdueBefore));
  return { items, total, page, pageSize, waitingCount };
}

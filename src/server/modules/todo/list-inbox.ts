// 待办 (steps and 年度报表 waiting for the caller's unit), its badge count, and 下级超期 (steps stuck below the caller's unit).
import type { z } from 'zod';
import { deadlineCutoffs } from '../../../domain/working-days.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { countInboxRows, listInboxRows } from './inbox-repository.ts';
import { presentInboxRow, presentWaiting } from './present.ts';
import { countOverdueBelow, listOverdueBelow } from './repository.ts';
import type { inboxCount, inboxPage, PageQuery } from './schema.ts';

type InboxPage = z.infer<typeof inboxPage>;

export async function listInbox(ctx: AppContext, actor: OrgActor, query: PageQuery): Promise<InboxPage> {
  const now = ctx.clock.now();
  const rule = deadlineRuleOf(ctx.config);
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counts] = await Promise.all([
    listInboxRows(ctx.db, actor.orgCode, query.pageSize, offset),
    countInboxRows(ctx.db, actor.orgCode, deadlineCutoffs(now, rule).overdueBefore),
  ]);
  return {
    items: rows.map((r) => presentInboxRow(r, actor.orgCode, now, rule)),
    total: counts.total,
    page: query.page,
    pageSize: query.pageSize,
    deadlineDays: rule.days,
  };
}

export async function inboxBadge(ctx: AppContext, actor: OrgActor): Promise<z.infer<typeof inboxCount>> {
  const { overdueBefore } = deadlineCutoffs(ctx.clock.now(), deadlineRuleOf(ctx.config));
  const counts = await countInboxRows(ctx.db, actor.orgCode, overdueBefore);
  return { count: counts.total, overdue: counts.overdue };
}

export async function listOverdueBelowPage(
  ctx: AppContext,
  actor: OrgActor,
  query: PageQuery & { level: 'escalated' | 'overdue' },
): Promise<InboxPage> {
  const now = ctx.clock.now();
  const rule = deadlineRuleOf(ctx.config);
  const cutoffs = deadlineCutoffs(now, rule);
  const before = query.level === 'escalated' ? cutoffs.escalatedBefore : cutoffs.overdueBefore;
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counts] = await Promise.all([
    listOverdueBelow(ctx.db, viewer, before, query.pageSize, offset),
    countOverdueBelow(ctx.db, viewer, before),
  ]);
  return {
    items: rows.map((r) => presentWaiting(r, actor.orgCode, now, rule, false)),
    total: counts.total,
    page: query.page,
    pageSize: query.pageSize,
    deadlineDays: rule.days,
  };
}

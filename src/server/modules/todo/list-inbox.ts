// 待办 (steps and 年度报表 waiting for the caller's unit), its badge count, and 下级超期 (steps and 年度报表 stuck
// below the caller's unit).
import type { z } from 'zod';
import {
  pastFillDeadline,
  reportYearAt,
  type WorkReportWindow,
} from '../../../domain/annual-report/work-report-window.ts';
import { shanghaiMidnight } from '../../../domain/dates.ts';
import { deadlineCutoffs } from '../../../domain/working-days.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { reportWindowOf } from '../../report-window.ts';
import { countInboxRows, listInboxRows } from './inbox-repository.ts';
import { type BelowScope, countBelowRows, listBelowRows } from './overdue-below-repository.ts';
import { presentBelowRow, presentInboxRow } from './present.ts';
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

/** The 工作年度报表 year whose unsubmitted sites are overdue now, with its window; null outside that period. */
async function overdueFillYear(ctx: AppContext, now: Date): Promise<{ year: number; window: WorkReportWindow } | null> {
  const year = reportYearAt(now);
  const window = await reportWindowOf(ctx.db, year);
  return pastFillDeadline(window, now) ? { year, window } : null;
}

/**
 * 下级超期: request steps and submitted 工作年度报表 waiting at units strictly below the caller's past twice the
 * deadline (`escalated`) or past it (`overdue`), and — from the day after the 填报截止 until the 发布截止, at either
 * level — the sites below that have not submitted their report (their 本级 unit has been told by then).
 */
export async function listOverdueBelowPage(
  ctx: AppContext,
  actor: OrgActor,
  query: PageQuery & { level: 'escalated' | 'overdue' },
): Promise<InboxPage> {
  const now = ctx.clock.now();
  const rule = deadlineRuleOf(ctx.config);
  const cutoffs = deadlineCutoffs(now, rule);
  const fill = await overdueFillYear(ctx, now);
  const scope: BelowScope = {
    viewer: { orgCode: actor.orgCode, orgPath: actor.orgPath },
    before: query.level === 'escalated' ? cutoffs.escalatedBefore : cutoffs.overdueBefore,
    unsubmitted: fill ? { year: fill.year, since: shanghaiMidnight(fill.window.fillFrom) } : null,
  };
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total] = await Promise.all([
    listBelowRows(ctx.db, scope, query.pageSize, offset),
    countBelowRows(ctx.db, scope),
  ]);
  return {
    items: rows.map((r) => presentBelowRow(r, actor.orgCode, now, rule, fill?.window.fillTo ?? null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    deadlineDays: rule.days,
  };
}

// 工作年度报表 for the units: the subtree's list, one report, 通过 / 退回 by the site's 本级组织单位 and 当页数据全部审核.

import type { z } from 'zod';
import { workReportDecisionMail } from '../../../domain/annual-report/work-report-mail.ts';
import {
  decideWorkReport,
  statesAllowing,
  WORK_REPORT_STATE_LABELS,
  type WorkReportRole,
} from '../../../domain/annual-report/work-report-states.ts';
import { reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { mailAddresses, sitePeople } from '../../../domain/notifications.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor, Trx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { insertSiteNotice, queueMails } from '../notifications/repository.ts';
import { loadWindow, presentReport } from './present.ts';
import { findVisibleReport, listReports, updateReport } from './repository.ts';
import type { listQuery, ReportView } from './schema.ts';
import { WORK_REPORT_ENTITY } from './site-report.ts';

function roleOf(actor: OrgActor, reviewerOrg: string): WorkReportRole {
  return actor.orgCode === reviewerOrg ? 'REVIEWER' : 'VIEWER';
}

export async function listSubtreeReports(ctx: AppContext, actor: OrgActor, q: z.infer<typeof listQuery>) {
  const year = q.year ?? reportYearAt(ctx.clock.now());
  const { items, total } = await listReports(ctx.db, {
    orgPath: actor.orgPath,
    orgCode: actor.orgCode,
    year,
    state: q.state,
    q: q.q,
    mine: q.mine === 'true',
    page: q.page,
    pageSize: q.pageSize,
  });
  return {
    year,
    items: items.map((r) => ({
      id: r.id,
      version: r.version,
      siteCode: r.site_code ?? '',
      siteName: r.site_name,
      orgName: r.org_name,
      state: r.state,
      stateLabel: WORK_REPORT_STATE_LABELS[r.state],
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      publishedUrl: r.published_url,
      linkCheck: r.link_check,
      reviewable: r.reviewer_org === actor.orgCode && r.state === 'SUBMITTED',
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function visible(db: AppContext['db'] | Trx, actor: OrgActor, id: number) {
  const row = await findVisibleReport(db, id, actor.orgPath);
  if (!row) throw notFound(MESSAGES.workReportNotFound);
  return row;
}

export async function viewReport(ctx: AppContext, actor: OrgActor, id: number): Promise<ReportView> {
  const row = await visible(ctx.db, actor, id);
  return presentReport(ctx.db, {
    site: row,
    year: row.year,
    report: row,
    role: roleOf(actor, row.reviewer_org),
    now: ctx.clock.now(),
  });
}

interface DecideOptions {
  actor: OrgActor;
  id: number;
  version: number;
  action: 'APPROVE' | 'RETURN';
  reason?: string;
  ip: string | null;
}

/** One decision inside the caller's transaction; throws AppError when it may not or lost the race. */
async function decideIn(trx: Trx, now: Date, o: DecideOptions): Promise<void> {
  const row = await visible(trx, o.actor, o.id);
  const decision = decideWorkReport(row.state, o.action, roleOf(o.actor, row.reviewer_org));
  if (!decision.ok) throw new AppError(decision.conflict ? 'STATE_CONFLICT' : 'FORBIDDEN', decision.reason);
  if (row.version !== o.version) throw new AppError('STATE_CONFLICT', MESSAGES.workReportDecided);
  const ok = await updateReport(
    trx,
    row.id,
    row.version,
    statesAllowing(o.action),
    o.action === 'APPROVE'
      ? { state: decision.to, decidedAt: now, returnReason: null }
      : { state: decision.to, decidedAt: now, returnReason: o.reason ?? '' },
    now,
  );
  if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.workReportDecided);
  await writeAudit(
    trx,
    now,
    o.actor,
    {
      kind: o.action === 'APPROVE' ? 'WORK_REPORT_APPROVED' : 'WORK_REPORT_RETURNED',
      entityType: WORK_REPORT_ENTITY,
      entityId: String(row.id),
      siteCode: row.site_code,
      fromState: row.state,
      toState: decision.to,
      comment: o.action === 'RETURN' ? `${row.year}年度：${o.reason}` : `${row.year}年度`,
    },
    o.ip,
  );
  // The site hears of the decision: a mail to its 负责人 and 联系人 (queued in this transaction) and a notice on its home.
  const text = workReportDecisionMail({
    approved: o.action === 'APPROVE',
    year: row.year,
    siteName: row.name,
    siteCode: row.site_code ?? '',
    byUnit: o.actor.orgName,
    reason: o.reason,
    publishBy: (await loadWindow(trx, row.year)).publishBy,
    at: now,
  });
  const kind = o.action === 'APPROVE' ? 'FINAL_APPROVED' : 'RETURNED';
  await queueMails(trx, mailAddresses(sitePeople(row.info as Record<string, unknown>)), {
    kind,
    requestId: null,
    text,
    at: now,
  });
  await insertSiteNotice(trx, { siteId: row.site_id, requestId: null, kind, text, at: now });
}

export async function decideReport(ctx: AppContext, o: DecideOptions): Promise<ReportView> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) => decideIn(trx, now, o));
  return viewReport(ctx, o.actor, o.id);
}

/** 当页数据全部审核: approves each listed report this unit may approve; the others are skipped with the reason. */
export async function approvePage(
  ctx: AppContext,
  o: { actor: OrgActor; items: { id: number; version: number }[]; ip: string | null },
) {
  const now = ctx.clock.now();
  let approved = 0;
  const skipped: { id: number; reason: string }[] = [];
  for (const item of o.items) {
    try {
      // One transaction per report: a report decided meanwhile by someone else does not undo the others.
      await ctx.db
        .transaction()
        .execute((trx) => decideIn(trx, now, { actor: o.actor, ...item, action: 'APPROVE', ip: o.ip }));
      approved++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ id: item.id, reason: error.message });
    }
  }
  return { approved, skipped };
}

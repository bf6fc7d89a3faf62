// 工作年度报表 of the signed-in 填报单位: the year's report (or an empty one), saving the draft and submitting it.

import { checkWorkReport, normalizeWorkReportData } from '../../../domain/annual-report/work-report-checks.ts';
import type { WorkReportData } from '../../../domain/annual-report/work-report-fields.ts';
import { decideWorkReport, statesAllowing } from '../../../domain/annual-report/work-report-states.ts';
import { fillAllowed, mustReport, reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { formatDateCN } from '../../../domain/status-labels.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, Db, SiteActor, Trx } from '../../context.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { headOf, loadWindow, presentReport } from './present.ts';
import { findReport, findSiteByCode, insertDraft, type ReportSite, updateReport } from './repository.ts';
import type { ReportView } from './schema.ts';

export const WORK_REPORT_ENTITY = 'WORK_REPORT';

export async function siteOf(db: Db | Trx, actor: SiteActor): Promise<ReportSite> {
  const site = await findSiteByCode(db, actor.siteCode);
  if (!site) throw notFound(MESSAGES.siteNotFound);
  return site;
}

export async function loadSiteReport(ctx: AppContext, actor: SiteActor, year: number | undefined): Promise<ReportView> {
  const now = ctx.clock.now();
  const site = await siteOf(ctx.db, actor);
  const y = year ?? reportYearAt(now);
  const report = await findReport(ctx.db, site.site_id, y);
  return presentReport(ctx.db, { site, year: y, report: report ?? null, role: 'SITE', now });
}

interface SaveOptions {
  actor: SiteActor;
  input: { year: number; version: number; data: Record<string, unknown> };
  ip: string | null;
}

/** The checks shared by 保存 and 提交: the site must report this year, the window must be open. */
async function prepare(ctx: AppContext, trx: Trx, opts: SaveOptions, action: 'SAVE' | 'SUBMIT') {
  const now = ctx.clock.now();
  const { year } = opts.input;
  const site = await siteOf(trx, opts.actor);
  if (!mustReport({ runStatus: site.run_status, codeIssuedAt: site.code_issued_at }, year)) {
    throw invalid(MESSAGES.workReportNotRequired(year));
  }
  const report = (await findReport(trx, site.site_id, year)) ?? null;
  const decision = decideWorkReport(report?.state ?? null, action, 'SITE');
  if (!decision.ok) throw new AppError('STATE_CONFLICT', decision.reason);
  const window = await loadWindow(trx, year);
  const fill = fillAllowed(year, window, now, report?.state === 'RETURNED');
  if (!fill.ok) throw invalid(fill.reason);
  if ((report?.version ?? 0) !== opts.input.version) throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
  return { now, site, report, to: decision.to };
}

/** Creates the report on the first save (version 0), then compare-and-sets it. */
async function writeData(
  trx: Trx,
  site: ReportSite,
  year: number,
  report: Awaited<ReturnType<typeof findReport>> | null,
  data: WorkReportData,
  now: Date,
): Promise<number> {
  if (report) {
    const ok = await updateReport(trx, report.id, report.version, statesAllowing('SAVE'), { data }, now);
    if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
    return report.id;
  }
  const id = await insertDraft(trx, { siteId: site.site_id, year, reviewerOrg: site.org_code, data, now });
  if (id === null) throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
  return id;
}

export async function saveDraft(ctx: AppContext, opts: SaveOptions): Promise<ReportView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { now, site, report } = await prepare(ctx, trx, opts, 'SAVE');
    // A draft keeps whatever is consistent or not yet; only values of the wrong form are refused.
    const { data, errors } = normalizeWorkReportData(opts.input.data);
    if (errors.length > 0) throw invalid(errors.map((e) => e.message).join('；'), { errors });
    const id = await writeData(trx, site, opts.input.year, report, data, now);
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: 'WORK_REPORT_SAVED',
        entityType: WORK_REPORT_ENTITY,
        entityId: String(id),
        siteCode: site.site_code,
        fromState: report?.state ?? null,
        toState: report?.state ?? 'DRAFT',
        comment: `${opts.input.year}年度`,
      },
      opts.ip,
    );
    const saved = await findReport(trx, site.site_id, opts.input.year);
    return presentReport(trx, { site, year: opts.input.year, report: saved ?? null, role: 'SITE', now });
  });
}

export async function submitReport(ctx: AppContext, opts: SaveOptions): Promise<ReportView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { now, site, report, to } = await prepare(ctx, trx, opts, 'SUBMIT');
    const check = checkWorkReport(opts.input.data, { submit: true });
    if (check.errors.length > 0) {
      throw invalid(MESSAGES.workReportHasErrors(check.errors.map((e) => e.message)), { errors: check.errors });
    }
    const { data } = normalizeWorkReportData(opts.input.data);
    const id = await writeData(trx, site, opts.input.year, report, data, now);
    const current = await findReport(trx, site.site_id, opts.input.year);
    if (!current) throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
    const ok = await updateReport(
      trx,
      id,
      current.version,
      statesAllowing('SUBMIT'),
      {
        state: to,
        head: headOf(site),
        reviewerOrg: site.org_code,
        returnReason: null,
        filledOn: formatDateCN(now),
        submittedAt: now,
      },
      now,
    );
    if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: report?.state === 'RETURNED' ? 'WORK_REPORT_RESUBMITTED' : 'WORK_REPORT_SUBMITTED',
        entityType: WORK_REPORT_ENTITY,
        entityId: String(id),
        siteCode: site.site_code,
        fromState: report?.state ?? 'DRAFT',
        toState: to,
        comment: `${opts.input.year}年度`,
      },
      opts.ip,
    );
    const saved = await findReport(trx, site.site_id, opts.input.year);
    return presentReport(trx, { site, year: opts.input.year, report: saved ?? null, role: 'SITE', now });
  });
}

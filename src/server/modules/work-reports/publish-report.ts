// 回填发布地址: the 填报单位 gives the address where it published the approved report; the link checker (the SSRF-safe
// one of link-checks) verifies that it can be reached and shows the report's title, and the verdict is kept.

import type { WorkReportLinkCheck } from '../../../db/schema.ts';
import { workReportTitle } from '../../../domain/annual-report/work-report-fields.ts';
import { decideWorkReport, statesAllowing } from '../../../domain/annual-report/work-report-states.ts';
import { publishedLate } from '../../../domain/annual-report/work-report-window.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { checkHttpUrl } from '../../../domain/validation/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import type { LinkChecker } from '../link-checks/checker.ts';
import { decodeHtml } from '../link-checks/footer-check.ts';
import { loadWindow, presentReport } from './present.ts';
import { findReport, updateReport } from './repository.ts';
import type { ReportView } from './schema.ts';
import { siteOf, WORK_REPORT_ENTITY } from './site-report.ts';

/** The words a published page must show: 「工作年度报表」 and the year (titles vary: 「2026年政府网站工作年度报表」…). */
export async function verifyPublishedPage(
  checker: LinkChecker,
  url: string,
  year: number,
): Promise<WorkReportLinkCheck> {
  const { result, page } = await checker.check(url, { kind: 'HOME', readBody: true });
  if (!result.ok)
    return { reachable: false, titleFound: false, message: result.message, status: result.status ?? null };
  const html = page ? decodeHtml(page) : null;
  const text = html?.replace(/<[^>]*>/g, '').replace(/\s+/g, '') ?? '';
  const titleFound = text.includes('工作年度报表') && text.includes(String(year));
  return {
    reachable: true,
    titleFound,
    status: result.status ?? null,
    message: titleFound
      ? `${result.message}，页面含“${year}年度”和“工作年度报表”`
      : `${result.message}，但页面中未找到“${workReportTitle(year)}”的标题（应含年度和“工作年度报表”），请核对发布地址`,
  };
}

export async function publishReport(
  ctx: AppContext,
  checker: LinkChecker,
  opts: { actor: SiteActor; input: { year: number; version: number; url: string }; ip: string | null },
): Promise<ReportView> {
  const { year } = opts.input;
  const url = checkHttpUrl(opts.input.url, '发布地址');
  if (!url.ok) throw invalid(url.error);
  const site = await siteOf(ctx.db, opts.actor);
  const before = await findReport(ctx.db, site.site_id, year);
  const decision = decideWorkReport(before?.state ?? null, 'PUBLISH', 'SITE');
  if (!decision.ok) throw new AppError('STATE_CONFLICT', decision.reason);
  // The network check runs before the transaction: no database lock is held while a remote site answers.
  const verdict = await verifyPublishedPage(checker, url.value, year);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await findReport(trx, site.site_id, year);
    if (!report || report.version !== opts.input.version)
      throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
    const window = await loadWindow(trx, year);
    const late = report.published_at !== null ? report.published_late : publishedLate(window, now);
    const ok = await updateReport(
      trx,
      report.id,
      report.version,
      statesAllowing('PUBLISH'),
      {
        state: decision.to,
        publishedUrl: url.value,
        // The first fill-back dates the publication; correcting the address later does not move it.
        ...(report.published_at === null ? { publishedAt: now, publishedLate: late } : {}),
        linkCheck: verdict,
        linkCheckedAt: now,
      },
      now,
    );
    if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.workReportChanged);
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: report.state === 'PUBLISHED' ? 'WORK_REPORT_ADDRESS_CORRECTED' : 'WORK_REPORT_PUBLISHED',
        entityType: WORK_REPORT_ENTITY,
        entityId: String(report.id),
        siteCode: site.site_code,
        fromState: report.state,
        toState: decision.to,
        comment: `${year}年度：${url.value}（${verdict.message}）`,
        data: { ...verdict, late },
      },
      opts.ip,
    );
    const saved = await findReport(trx, site.site_id, year);
    return presentReport(trx, { site, year, report: saved ?? null, role: 'SITE', now });
  });
}

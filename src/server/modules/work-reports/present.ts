// Builds the view of one report (the site's page, the unit's 查看 and the printable table) from its rows.
import { checkWorkReport } from '../../../domain/annual-report/work-report-checks.ts';
import {
  siteTypeOf,
  type WorkReportData,
  type WorkReportHead,
} from '../../../domain/annual-report/work-report-fields.ts';
import { workReportTable } from '../../../domain/annual-report/work-report-render.ts';
import {
  WORK_REPORT_STATE_LABELS,
  type WorkReportRole,
  workReportAbilities,
} from '../../../domain/annual-report/work-report-states.ts';
import { fillAllowed, mustReport, reportPeriod } from '../../../domain/annual-report/work-report-window.ts';
import type { Db, Trx } from '../../context.ts';
import { reportWindowOf } from '../../report-window.ts';
import { findReport, orgName, type ReportSite, type WorkReportRow } from './repository.ts';
import type { ReportView, WindowView } from './schema.ts';

export async function loadWindow(db: Db | Trx, year: number): Promise<WindowView> {
  return { year, ...(await reportWindowOf(db, year)) };
}

/** The head as the register shows it now (before submission) — 网站名称 … 公安机关备案号. */
export function headOf(site: ReportSite): WorkReportHead {
  const info = site.info as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    siteName: site.name,
    homeUrl: site.home_url,
    sponsorName: site.sponsor_name,
    siteType: siteTypeOf({ isPortal: site.is_portal, name: site.name }),
    siteCode: site.site_code ?? '',
    icpNo: text(info.icpNo),
    psbNo: text(info.psbNo),
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function presentReport(
  db: Db | Trx,
  o: { site: ReportSite; year: number; report: WorkReportRow | null; role: WorkReportRole; now: Date },
): Promise<ReportView> {
  const { site, year, report, role } = o;
  const window = await loadWindow(db, year);
  const before = await findReport(db, site.site_id, year - 1);
  const previous = before?.state === 'APPROVED' || before?.state === 'PUBLISHED' ? before.data : null;
  const data: WorkReportData = report?.data ?? {};
  const state = report?.state ?? null;
  const editable = state === null || state === 'DRAFT' || state === 'RETURNED';
  const check = checkWorkReport(data, { submit: editable && Object.keys(data).length > 0, previous });
  const abilities = workReportAbilities(state, role);
  if (role === 'SITE' && editable) {
    const fill = fillAllowed(year, window, o.now, state === 'RETURNED');
    if (!fill.ok) {
      abilities.SAVE = { allowed: false, reason: fill.reason };
      abilities.SUBMIT = { allowed: false, reason: fill.reason };
    }
  }
  const head = report?.head ?? headOf(site);
  const period = reportPeriod(year, site.code_issued_at);
  const reviewerCode = report?.reviewer_org ?? site.org_code;
  const approved = state === 'APPROVED' || state === 'PUBLISHED';
  return {
    id: report?.id ?? null,
    year,
    state: state ?? 'NONE',
    stateLabel: WORK_REPORT_STATE_LABELS[state ?? 'NONE'],
    version: report?.version ?? 0,
    mustReport: mustReport({ runStatus: site.run_status, codeIssuedAt: site.code_issued_at }, year),
    period,
    head,
    data,
    reviewerOrgName: (await orgName(db, reviewerCode))?.display_name ?? reviewerCode,
    returnReason: report?.return_reason ?? null,
    filledOn: report?.filled_on ?? null,
    submittedAt: iso(report?.submitted_at ?? null),
    decidedAt: iso(report?.decided_at ?? null),
    publishedUrl: report?.published_url ?? null,
    publishedAt: iso(report?.published_at ?? null),
    publishedLate: report?.published_late ?? false,
    linkCheck: report?.link_check ?? null,
    window,
    errors: check.errors,
    warnings: check.warnings,
    abilities,
    table: approved ? workReportTable({ year, head, data, period, filledOn: report?.filled_on ?? null }) : null,
  };
}

// 上报抽查情况 — one unit's report of a quarter, as stored, or with the live automatic counts while not submitted.
import { MESSAGES } from '../../../domain/messages/index.ts';
import {
  isFutureQuarter,
  percent,
  type Quarter,
  quarterLabel,
  quarterRange,
  SAMPLING_WARNING_PERCENT,
  submissionWindow,
  windowState,
} from '../../../domain/spot-check.ts';
import type { AppContext, Db, OrgActor, Trx } from '../../context.ts';
import { invalid, notFound } from '../../errors.ts';
import { findOrgUnit } from '../org-units/repository.ts';
import { quarterCounts } from '../stats/repository.ts';
import { requireSpotCheckViewer } from './access.ts';
import { findingsOf, findReport } from './repository.ts';
import type { ReportView } from './schema.ts';

export function asQuarter(q: { year: number; quarter: number }): Quarter {
  return { year: q.year, quarter: q.quarter as Quarter['quarter'] };
}

/** The level-1 unit whose report is meant: the caller's own, or for the root the one named in `org`. */
export async function reportingUnit(db: Db | Trx, actor: OrgActor, org: string | undefined) {
  const code = actor.orgLevel === 0 ? org : actor.orgCode;
  if (!code) throw invalid(MESSAGES.chooseProvinceUnit);
  const unit = await findOrgUnit(db, code);
  if (unit?.level !== 1) throw notFound(MESSAGES.provinceUnitNotFound);
  return unit;
}

export async function buildReportView(
  db: Db | Trx,
  actor: OrgActor,
  unit: { code: string; display_name: string; path: string },
  q: Quarter,
  now: Date,
): Promise<ReportView> {
  const report = await findReport(db, unit.code, q.year, q.quarter);
  const submitted = report?.status === 'SUBMITTED';
  const live = submitted ? null : await quarterCounts(db, unit.path, quarterRange(q));
  const counts = live ?? {
    runningTotal: report?.running_total ?? 0,
    newSites: report?.new_sites ?? 0,
    closedSites: report?.closed_sites ?? 0,
  };
  const checked = report?.checked_count ?? 0;
  const passed = report?.passed_count ?? 0;
  const ratio = percent(checked, counts.runningTotal);
  const window = submissionWindow(q);
  const findings = report ? await findingsOf(db, report.id) : [];
  return {
    id: report?.id ?? null,
    orgCode: unit.code,
    orgName: unit.display_name,
    year: q.year,
    quarter: q.quarter,
    quarterLabel: quarterLabel(q),
    status: report?.status ?? 'NEW',
    ...counts,
    checkedCount: checked,
    passedCount: passed,
    samplingRatio: ratio,
    passRate: percent(passed, checked),
    samplingWarning: ratio !== null && ratio < SAMPLING_WARNING_PERCENT,
    errorReports: report?.error_reports ?? null,
    summary: report?.summary ?? '',
    reporterName: report?.reporter_name ?? '',
    reporterPhone: report?.reporter_phone ?? '',
    findings: findings.map((f) => ({
      siteId: f.site_id,
      siteCode: f.site_code,
      siteName: f.site_name,
      orgName: f.org_name,
      problemType: f.problem_type,
      description: f.description,
      rectification: f.rectification,
      accountabilityCount: f.accountability_count,
    })),
    sample: report?.sample ?? [],
    late: report?.late ?? false,
    returnReason: report?.return_reason ?? null,
    submittedAt: report?.submitted_at ? new Date(report.submitted_at).toISOString() : null,
    version: report?.version ?? 0,
    window: { opensAt: window.opensAt.toISOString(), lastDay: window.lastDay, state: windowState(q, now) },
    editable: actor.orgLevel === 1 && actor.orgCode === unit.code && !submitted && !isFutureQuarter(q, now),
  };
}

export async function loadReport(
  ctx: AppContext,
  actor: OrgActor,
  query: { year: number; quarter: number; org?: string | undefined },
): Promise<ReportView> {
  requireSpotCheckViewer(actor);
  const q = asQuarter(query);
  const unit = await reportingUnit(ctx.db, actor, query.org);
  return buildReportView(ctx.db, actor, unit, q, ctx.clock.now());
}

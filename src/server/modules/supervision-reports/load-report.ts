// 监管年度报表 — reading: one report by id (inside the caller's subtree), the unit's own of a year, and the root's
// list of every level-1 unit for a year.

import type { z } from 'zod';
import { SUPERVISION_STATE_LABELS } from '../../../domain/annual-report/supervision-report-states.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { requireReportingUnit, requireReportReader, requireRoot } from './access.ts';
import { presentReport } from './present.ts';
import { findReportInSubtree, findReportOf, reportsOfYear } from './repository.ts';
import type { ReportView, reportList } from './schema.ts';

export async function loadReport(ctx: AppContext, actor: OrgActor, id: number): Promise<ReportView> {
  requireReportReader(actor);
  const row = await findReportInSubtree(ctx.db, id, actor.orgPath);
  if (!row) throw notFound(MESSAGES.supervisionReportNotFound);
  return presentReport(row, actor);
}

export async function ownReport(
  ctx: AppContext,
  actor: OrgActor,
  year: number,
): Promise<{ report: ReportView | null }> {
  requireReportingUnit(actor);
  const row = await findReportOf(ctx.db, actor.orgCode, year);
  return { report: row ? presentReport(row, actor) : null };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listReports(ctx: AppContext, actor: OrgActor, year: number): Promise<z.infer<typeof reportList>> {
  requireRoot(actor);
  const rows = await reportsOfYear(ctx.db, year);
  return {
    year,
    items: rows.map((r) => ({
      orgCode: r.code,
      orgName: r.display_name,
      reportId: r.id,
      state: r.state ?? 'NONE',
      stateLabel: r.state ? SUPERVISION_STATE_LABELS[r.state] : '未填报',
      submittedAt: iso(r.submitted_at),
      decidedAt: iso(r.decided_at),
    })),
  };
}

// 上报抽查情况 — 上报: freezes the automatic counts, checks every rule of SPEC §9.3 and marks a late report 「逾期」.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import {
  quarterLabel,
  quarterRange,
  submissionErrors,
  submissionWindow,
  windowState,
} from '../../../domain/spot-check.ts';
import { formatDateCN } from '../../../domain/status-labels.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { quarterCounts } from '../stats/repository.ts';
import { requireReporter, SPOT_CHECK_ENTITY } from './access.ts';
import { asQuarter, buildReportView, reportingUnit } from './load-report.ts';
import { countFindings, findReport, updateReport } from './repository.ts';
import type { ReportView, submitBody } from './schema.ts';

export async function submitReport(
  ctx: AppContext,
  opts: { actor: OrgActor; input: z.infer<typeof submitBody>; ip: string | null },
): Promise<ReportView> {
  const { actor, input } = opts;
  requireReporter(actor);
  const q = asQuarter(input);
  const now = ctx.clock.now();
  const state = windowState(q, now);
  if (state === 'NOT_OPEN') {
    throw invalid(MESSAGES.spotCheckWindowNotOpen(quarterLabel(q), formatDateCN(submissionWindow(q).opensAt)));
  }
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await reportingUnit(trx, actor, undefined);
    const report = await findReport(trx, unit.code, q.year, q.quarter);
    if (!report) throw invalid(MESSAGES.spotCheckSaveFirst);
    if (report.status === 'SUBMITTED') throw new AppError('STATE_CONFLICT', MESSAGES.spotCheckAlreadySubmitted);
    const counts = await quarterCounts(trx, unit.path, quarterRange(q));
    const errors = submissionErrors({
      ...counts,
      checkedCount: report.checked_count,
      passedCount: report.passed_count,
      findings: await countFindings(trx, report.id),
      summary: report.summary,
      reporterName: report.reporter_name,
      reporterPhone: report.reporter_phone,
    });
    if (errors.length > 0) throw invalid(errors.join('；'));
    const late = state === 'LATE';
    const ok = await updateReport(
      trx,
      report.id,
      input.version,
      {
        status: 'SUBMITTED',
        ...counts,
        checkedCount: report.checked_count,
        passedCount: report.passed_count,
        errorReports: report.error_reports,
        summary: report.summary,
        reporterName: report.reporter_name,
        reporterPhone: report.reporter_phone,
        sample: report.sample,
        late,
        submittedAt: now,
        returnReason: null,
      },
      ['DRAFT', 'RETURNED'],
      now,
    );
    if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.spotCheckReportChanged);
    await writeAudit(
      trx,
      now,
      actor,
      {
        kind: late ? 'SPOT_CHECK_SUBMITTED_LATE' : 'SPOT_CHECK_SUBMITTED',
        entityType: SPOT_CHECK_ENTITY,
        entityId: String(report.id),
        fromState: report.status,
        toState: 'SUBMITTED',
        comment: `${unit.display_name} ${quarterLabel(q)}：抽查 ${report.checked_count} 个，合格 ${report.passed_count} 个`,
        data: { ...counts, late },
      },
      opts.ip,
    );
    return buildReportView(trx, actor, unit, q, now);
  });
}

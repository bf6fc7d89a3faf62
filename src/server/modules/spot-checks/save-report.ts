// 上报抽查情况 — 保存: create or update the unit's draft (or returned) report; counts and site pickers checked here.

import type { z } from 'zod';
import type { SpotCheckSampleEntry } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { countErrors, isFutureQuarter, quarterRange } from '../../../domain/spot-check.ts';
import type { AppContext, OrgActor, Trx } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { quarterCounts } from '../stats/repository.ts';
import { requireReporter, stratumOf } from './access.ts';
import { asQuarter, buildReportView, reportingUnit } from './load-report.ts';
import { findReport, insertReport, replaceFindings, subtreeSites, updateReport } from './repository.ts';
import type { ReportView, saveReportBody } from './schema.ts';

type SaveInput = z.infer<typeof saveReportBody>;

const conflict = () => new AppError('STATE_CONFLICT', MESSAGES.spotCheckReportChanged);

async function checkedSites(trx: Trx, path: string, input: SaveInput): Promise<SpotCheckSampleEntry[]> {
  const findingIds = input.findings.map((f) => f.siteId);
  if (new Set(findingIds).size !== findingIds.length) throw invalid(MESSAGES.spotCheckDuplicateFindings);
  const failed = input.checkedCount - input.passedCount;
  if (input.findings.length > failed) {
    throw invalid(MESSAGES.spotCheckTooManyFindings(failed, input.findings.length));
  }
  if ((await subtreeSites(trx, path, findingIds)).length !== findingIds.length) {
    throw invalid(MESSAGES.spotCheckFindingsOutOfScope);
  }
  const sampleIds = [...new Set(input.sample)];
  const sample = await subtreeSites(trx, path, sampleIds);
  if (sample.length !== sampleIds.length) throw invalid(MESSAGES.spotCheckSampleOutOfScope);
  return sample.map((s) => ({
    siteId: s.id,
    siteCode: s.site_code,
    name: s.name,
    stratum: stratumOf(s.level, s.is_portal),
  }));
}

export async function saveReport(ctx: AppContext, opts: { actor: OrgActor; input: SaveInput }): Promise<ReportView> {
  const { actor, input } = opts;
  requireReporter(actor);
  const q = asQuarter(input);
  const now = ctx.clock.now();
  if (isFutureQuarter(q, now)) throw invalid(MESSAGES.quarterNotStarted);
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await reportingUnit(trx, actor, undefined);
    const counts = await quarterCounts(trx, unit.path, quarterRange(q));
    const errors = countErrors({ ...counts, checkedCount: input.checkedCount, passedCount: input.passedCount });
    if (errors.length > 0) throw invalid(errors.join('；'));
    const sample = await checkedSites(trx, unit.path, input);
    const existing = await findReport(trx, unit.code, q.year, q.quarter);
    if (existing?.status === 'SUBMITTED')
      throw new AppError('STATE_CONFLICT', MESSAGES.spotCheckAlreadySubmittedNoEdit);
    const fields = {
      status: existing?.status ?? ('DRAFT' as const),
      ...counts,
      checkedCount: input.checkedCount,
      passedCount: input.passedCount,
      errorReports: input.errorReports,
      summary: input.summary,
      reporterName: input.reporterName,
      reporterPhone: input.reporterPhone,
      sample,
    };
    let id: number;
    if (!existing) {
      if (input.version !== 0) throw conflict();
      const inserted = await insertReport(trx, { orgCode: unit.code, year: q.year, quarter: q.quarter }, fields, now);
      if (inserted === null) throw conflict();
      id = inserted;
    } else {
      if (!(await updateReport(trx, existing.id, input.version, fields, ['DRAFT', 'RETURNED'], now))) throw conflict();
      id = existing.id;
    }
    await replaceFindings(trx, id, input.findings);
    return buildReportView(trx, actor, unit, q, now);
  });
}

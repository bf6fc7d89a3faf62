// 监管年度报表 — 提交: once the year is over, every entered cell filled and valid; the prefill is frozen as stored.

import { submissionErrors } from '../../../domain/annual-report/supervision-report-checks.ts';
import { yearRange } from '../../../domain/annual-report/supervision-report-prefill.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { requireReportingUnit } from './access.ts';
import type { ReportView } from './schema.ts';
import { type ReportActionInput, runTransition } from './transition.ts';

export async function submitReport(ctx: AppContext, o: ReportActionInput): Promise<ReportView> {
  requireReportingUnit(o.actor);
  return runTransition(ctx, {
    ...o,
    action: 'SUBMIT',
    change: (row, _trx, now) => {
      if (now < yearRange(row.year).end) {
        throw invalid(MESSAGES.yearNotEnded(row.year));
      }
      const errors = submissionErrors(row.data, row.prefill);
      if (errors.length > 0) throw invalid(errors.join('；'), { errors });
      return { submittedAt: now, decidedAt: null };
    },
  });
}

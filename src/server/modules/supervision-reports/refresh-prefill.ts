// 监管年度报表 — 更新预填数据: recomputes the prefill from the records as they are now (while the unit may edit).
import type { AppContext } from '../../context.ts';
import { requireReportingUnit } from './access.ts';
import { unitPrefill } from './compute-prefill.ts';
import type { ReportView } from './schema.ts';
import { type ReportActionInput, runTransition } from './transition.ts';

export async function refreshPrefill(ctx: AppContext, o: ReportActionInput): Promise<ReportView> {
  requireReportingUnit(o.actor);
  return runTransition(ctx, {
    ...o,
    action: 'REFRESH_PREFILL',
    change: async (row, trx) => ({
      prefill: await unitPrefill(trx, { code: row.org_code, path: o.actor.orgPath }, row.year),
    }),
  });
}

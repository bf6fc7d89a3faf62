// 监管年度报表 — 通过 / 退回 (国务院办公厅): a submitted report is approved, or returned to its unit with a reason.
import type { AppContext } from '../../context.ts';
import { requireRoot } from './access.ts';
import type { ReportView } from './schema.ts';
import { type ReportActionInput, runTransition } from './transition.ts';

export async function approveReport(ctx: AppContext, o: ReportActionInput): Promise<ReportView> {
  requireRoot(o.actor);
  return runTransition(ctx, { ...o, action: 'APPROVE', change: (_row, _trx, now) => ({ decidedAt: now }) });
}

export async function returnReport(ctx: AppContext, o: ReportActionInput & { reason: string }): Promise<ReportView> {
  requireRoot(o.actor);
  return runTransition(ctx, {
    ...o,
    action: 'RETURN',
    change: (_row, _trx, now) => ({ decidedAt: now }),
    comment: (row) => `${row.org_name} ${row.year}年度：${o.reason.trim()}`,
  });
}

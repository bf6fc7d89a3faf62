// 监管年度报表 — 保存: the unit's entries, checked cell by cell (blank cells allowed until submission).
import { draftErrors, type EnteredValues } from '../../../domain/annual-report/supervision-report-checks.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { requireReportingUnit } from './access.ts';
import type { ReportView } from './schema.ts';
import { runTransition } from './transition.ts';

export async function saveDraft(
  ctx: AppContext,
  o: { actor: OrgActor; id: number; version: number; data: EnteredValues; ip: string | null },
): Promise<ReportView> {
  requireReportingUnit(o.actor);
  const errors = draftErrors(o.data);
  if (errors.length > 0) throw invalid(errors.join('；'), { errors });
  return runTransition(ctx, {
    actor: o.actor,
    id: o.id,
    version: o.version,
    action: 'SAVE',
    ip: o.ip,
    change: () => ({ data: o.data }),
    data: { entered: o.data },
  });
}

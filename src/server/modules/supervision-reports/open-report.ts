// 监管年度报表 — 创建或打开: the level-1 unit's report of a year, created as a draft with its prefill on first open.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { formatDateCN } from '../../../domain/status-labels.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { invalid, notFound } from '../../errors.ts';
import { findOrgUnit } from '../org-units/repository.ts';
import { requireReportingUnit, SUPERVISION_ENTITY } from './access.ts';
import { unitPrefill } from './compute-prefill.ts';
import { presentReport } from './present.ts';
import { findReportOf, insertReport } from './repository.ts';
import type { ReportView } from './schema.ts';

export async function openReport(
  ctx: AppContext,
  o: { actor: OrgActor; year: number; ip: string | null },
): Promise<ReportView> {
  requireReportingUnit(o.actor);
  const now = ctx.clock.now();
  const currentYear = Number(formatDateCN(now).slice(0, 4));
  if (o.year > currentYear) throw invalid(MESSAGES.yearNotStarted(o.year));
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findReportOf(trx, o.actor.orgCode, o.year);
    if (existing) return presentReport(existing, o.actor);
    const unit = await findOrgUnit(trx, o.actor.orgCode);
    if (!unit) throw notFound(MESSAGES.orgUnitNotFound);
    const prefill = await unitPrefill(trx, unit, o.year);
    const id = await insertReport(trx, { orgCode: unit.code, year: o.year, prefill, now });
    if (id !== null) {
      await writeAudit(
        trx,
        now,
        o.actor,
        {
          kind: 'SUPERVISION_REPORT_CREATED',
          entityType: SUPERVISION_ENTITY,
          entityId: String(id),
          toState: 'DRAFT',
          comment: `${unit.display_name} ${o.year}年度`,
          data: { prefill },
        },
        o.ip,
      );
    }
    // A concurrent first open inserted it meanwhile: both callers get the same report.
    const row = await findReportOf(trx, unit.code, o.year);
    if (!row) throw notFound(MESSAGES.supervisionReportNotFound);
    return presentReport(row, o.actor);
  });
}

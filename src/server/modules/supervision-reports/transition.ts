// Executes one decision of the transition table on a report: read inside the caller's subtree (404 outside), decide
// with the domain, compare-and-set on version and state, and write the audit entry — all in one transaction.

import {
  decideSupervision,
  type SupervisionReportAction,
} from '../../../domain/annual-report/supervision-report-states.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor, Trx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { changedMeanwhile, refusal, SUPERVISION_ENTITY, supervisionActor } from './access.ts';
import { presentReport } from './present.ts';
import { findReportInSubtree, type ReportChange, type SupervisionReportRow, updateReport } from './repository.ts';
import type { ReportView } from './schema.ts';

/** What the routes pass to a transition: who acts, on which report at which version, from where. */
export interface ReportActionInput {
  actor: OrgActor;
  id: number;
  version: number;
  ip: string | null;
}

export interface TransitionOptions {
  actor: OrgActor;
  id: number;
  version: number;
  action: SupervisionReportAction;
  reason?: string;
  ip: string | null;
  /** The rest of the change, worked out from the current row inside the transaction (checks may throw here). */
  change?: (row: SupervisionReportRow, trx: Trx, now: Date) => Promise<ReportChange> | ReportChange;
  comment?: (row: SupervisionReportRow) => string;
  data?: Record<string, unknown>;
}

export async function runTransition(ctx: AppContext, o: TransitionOptions): Promise<ReportView> {
  const now = ctx.clock.now();
  const who = supervisionActor(o.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findReportInSubtree(trx, o.id, o.actor.orgPath);
    if (!row) throw notFound(MESSAGES.supervisionReportNotFound);
    const d = decideSupervision({ state: row.state, orgCode: row.org_code }, who, o.action, o.reason);
    if (!d.ok) throw refusal(d, o.action, who);
    if (row.version !== o.version) throw changedMeanwhile();
    const change = { ...(o.change ? await o.change(row, trx, now) : {}) };
    if (d.to !== row.state) {
      change.state = d.to;
      change.returnReason = d.returnReason;
    }
    if (!(await updateReport(trx, row.id, o.version, d.from, change, now))) throw changedMeanwhile();
    await writeAudit(
      trx,
      now,
      o.actor,
      {
        kind: 'SUPERVISION_REPORT_STEP',
        action: o.action,
        entityType: SUPERVISION_ENTITY,
        entityId: String(row.id),
        fromState: row.state,
        toState: d.to,
        comment: o.comment ? o.comment(row) : `${row.org_name} ${row.year}年度`,
        data: o.data ?? null,
      },
      o.ip,
    );
    const updated = await findReportInSubtree(trx, row.id, o.actor.orgPath);
    if (!updated) throw notFound(MESSAGES.supervisionReportNotFound);
    return presentReport(updated, o.actor);
  });
}

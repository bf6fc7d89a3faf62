// 上报抽查情况 — 退回 (root): a submitted report goes back to its unit with a reason and becomes editable again.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { quarterLabel } from '../../../domain/spot-check.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireRoot, SPOT_CHECK_ENTITY } from './access.ts';
import { asQuarter } from './load-report.ts';
import { findReportById, updateReport } from './repository.ts';

export async function returnReport(
  ctx: AppContext,
  opts: { actor: OrgActor; id: number; reason: string; ip: string | null },
): Promise<{ ok: true }> {
  requireRoot(opts.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await findReportById(trx, opts.id);
    if (!report) throw notFound(MESSAGES.spotCheckReportNotFound);
    if (report.status !== 'SUBMITTED') throw new AppError('STATE_CONFLICT', MESSAGES.spotCheckReturnOnlySubmitted);
    const ok = await updateReport(
      trx,
      report.id,
      report.version,
      { status: 'RETURNED', returnReason: opts.reason, returnedAt: now },
      ['SUBMITTED'],
      now,
    );
    if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.spotCheckReportDecided);
    await writeAudit(
      trx,
      now,
      opts.actor,
      {
        kind: 'SPOT_CHECK_RETURNED',
        entityType: SPOT_CHECK_ENTITY,
        entityId: String(report.id),
        fromState: 'SUBMITTED',
        toState: 'RETURNED',
        comment: `${report.org_code} ${quarterLabel(asQuarter(report))}：${opts.reason}`,
      },
      opts.ip,
    );
    return { ok: true as const };
  });
}

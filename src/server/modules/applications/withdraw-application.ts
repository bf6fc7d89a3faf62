// 撤回申请: the applicant withdraws an application that no unit has acted on yet (SUBMITTED) or that was returned;
// the name, URL and portal slot are freed.
import { applicantProgressText, decide } from '../../../domain/requests.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { findByTempCode } from './find-by-temp-code.ts';
import { markSiteWithdrawn, updateRequestIfUnchanged } from './repository.ts';

export const STATE_CONFLICT_MESSAGE = '该申请已被其他人处理，请刷新后查看';

export async function withdrawApplication(ctx: AppContext, tempCode: string, ip: string) {
  const row = await findByTempCode(ctx, tempCode, ip);
  const decision = decide(
    { type: 'NEW_SITE', state: row.state, chain: row.chain, stepIndex: row.step_index },
    { kind: 'REQUESTER' },
    'WITHDRAW',
  );
  if (!decision.ok) throw new AppError('STATE_CONFLICT', `不能撤回：${decision.reason}`);
  const next = decision.next;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateRequestIfUnchanged(
      trx,
      { id: row.id, state: row.state, stepIndex: row.step_index, version: row.version },
      { state: next.state, stepIndex: next.stepIndex, currentOrg: next.currentOrg, at: now, decided: true },
    );
    if (!changed) throw new AppError('STATE_CONFLICT', STATE_CONFLICT_MESSAGE);
    await markSiteWithdrawn(trx, row.site_id, now);
    await writeAudit(
      trx,
      now,
      { kind: 'ANONYMOUS' },
      {
        action: '撤回',
        entityType: 'REQUEST',
        entityId: String(row.id),
        requestId: row.id,
        fromState: row.state,
        toState: next.state,
      },
      ip,
    );
  });
  return { state: next.state, text: applicantProgressText({ state: next.state }, now) };
}

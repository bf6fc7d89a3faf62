// 撤回申请: the applicant withdraws an application that no unit has acted on yet (SUBMITTED) or that was returned;
// the name, URL and portal slot are freed.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { applicantProgressText, decide } from '../../../domain/requests.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { applyTransition } from '../../lifecycle/request-transition.ts';
import { toRequestCore } from '../requests/repository.ts';
import { findByTempCode } from './find-by-temp-code.ts';
import { markSiteWithdrawn } from './repository.ts';

export async function withdrawApplication(ctx: AppContext, tempCode: string, ip: string) {
  const row = await findByTempCode(ctx, tempCode, ip);
  const snapshot = toRequestCore(row);
  const decision = decide(snapshot, { kind: 'REQUESTER' }, 'WITHDRAW');
  if (!decision.ok) throw new AppError('STATE_CONFLICT', MESSAGES.cannotWithdraw(decision.reason));
  const next = decision.next;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await applyTransition(trx, {
      request: snapshot,
      action: 'WITHDRAW',
      next,
      now,
      audit: {
        actor: { kind: 'ANONYMOUS' },
        ip,
        entry: {
          kind: 'REQUEST_WITHDRAWN',
          entityType: 'REQUEST',
          entityId: String(row.id),
          requestId: row.id,
          fromState: row.state,
          toState: next.state,
        },
      },
    });
    if (!changed) throw new AppError('STATE_CONFLICT', MESSAGES.requestStateConflict);
    await markSiteWithdrawn(trx, row.site_id, now);
  });
  return { state: next.state, text: applicantProgressText({ state: next.state }, now) };
}

// 撤回申请: the operator withdraws its open change request (draft, or waiting for review), or discards a returned
// 基本信息修改. The live record never changed, so nothing else moves.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { decide, reporterStatusLabel } from '../../../domain/requests.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { applyTransition } from '../../lifecycle/request-transition.ts';
import { type FiledRequest, inOperatorTransaction, operatorAuditEntry } from './operator-transaction.ts';
import { findSiteRequest, isChangeType } from './repository.ts';
import { withdrawTarget } from './site-abilities.ts';

export async function withdrawRequest(
  ctx: AppContext,
  opts: { actor: SiteActor; id: number; expectedVersion?: number | undefined; ip: string | null },
): Promise<FiledRequest> {
  const now = ctx.clock.now();
  return inOperatorTransaction(ctx, opts.actor, async (trx, site, loaded) => {
    // Another site's request is not this operator's business (SPEC §3.6 visibility): 404, never a hint.
    if (!(await findSiteRequest(trx, site.id, opts.id))) throw notFound(MESSAGES.requestNotFound);
    const target = withdrawTarget(loaded.state);
    const row = [loaded.open, loaded.resumable].find((r) => r !== null && r.id === target?.id) ?? null;
    if (!row || row.id !== opts.id || !isChangeType(row.type)) {
      throw new AppError('CONFLICT', MESSAGES.requestNotWithdrawable);
    }
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      throw new AppError('STATE_CONFLICT', MESSAGES.requestStateConflict);
    }
    const decision = decide(row, { kind: 'REQUESTER' }, 'WITHDRAW');
    if (!decision.ok) throw new AppError('CONFLICT', decision.reason);
    const entry = operatorAuditEntry({
      verb: 'WITHDRAW',
      type: row.type,
      requestId: row.id,
      site,
      fromState: row.state,
      toState: 'WITHDRAWN',
      now,
      ip: opts.ip,
    });
    const moved = await applyTransition(trx, {
      request: row,
      action: 'WITHDRAW',
      next: decision.next,
      now,
      audit: { actor: opts.actor, ip: opts.ip, entry },
    });
    if (!moved) throw new AppError('STATE_CONFLICT', MESSAGES.requestStateConflict);
    return {
      requestId: row.id,
      type: row.type,
      state: 'WITHDRAWN',
      statusLabel: reporterStatusLabel({ ...row, state: 'WITHDRAWN' }),
      version: row.version + 1,
      reviewerName: null,
    };
  });
}

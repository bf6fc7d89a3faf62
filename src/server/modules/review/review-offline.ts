// 下线审核 通过 / 驳回 of one offline request: finds the row the viewer may see, then the review core decides and
// applies it — with, on the chain's last word, the run-status change of its type (offline/review-effects.ts).
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { RequestAction } from '../../../domain/requests.ts';
import { orgStatusLabel } from '../../../domain/requests.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { findVisibleOffline } from '../offline/list-repository.ts';
import { orgListStatus, snapshotOf } from '../offline/present.ts';
import { lockSite } from '../offline/repository.ts';
import { reviewInTransaction } from './review-core.ts';

export type OfflineDecision = Extract<RequestAction, 'APPROVE' | 'RETURN'>;

export interface ReviewOfflineInput {
  actor: OrgActor;
  id: number;
  action: OfflineDecision;
  reason?: string;
  expectedVersion?: number;
  ip: string | null;
}

export async function reviewOffline(ctx: AppContext, input: ReviewOfflineInput) {
  const { actor, action } = input;
  const reason = input.reason?.trim();
  if (action === 'RETURN' && !reason) throw new AppError('VALIDATION_FAILED', MESSAGES.rejectReasonRequired);
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const req = await findVisibleOffline(trx, viewer, input.id);
    if (!req) throw notFound(MESSAGES.offlineRequestNotFound);
    const snapshot = snapshotOf(req);
    const { next, site } = await reviewInTransaction(trx, {
      actor,
      request: { ...snapshot, id: req.id, version: req.version, siteId: req.siteId, siteCode: req.siteCode },
      action,
      reason,
      expectedVersion: input.expectedVersion,
      ip: input.ip,
      now,
    });
    const status = (await lockSite(trx, req.siteId)) ?? site;
    if (!status) throw notFound(MESSAGES.siteNotFound);
    return {
      id: req.id,
      state: next.state,
      stepIndex: next.stepIndex,
      version: req.version + 1,
      orgStatus: orgStatusLabel({ ...snapshot, state: next.state, stepIndex: next.stepIndex }, actor.orgCode),
      runStatus: status.runStatus,
      listStatus: orgListStatus({ runStatus: status.runStatus, until: status.until }),
    };
  });
}

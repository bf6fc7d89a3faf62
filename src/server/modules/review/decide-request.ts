// 审核 (通过 / 退回) and 提交 of one new-site or change request from the register list: finds the row the viewer may
// see, then the review core decides and applies it (offline requests have 下线审核).
import { MESSAGES } from '../../../domain/messages/index.ts';
import { offlineKindOf } from '../../../domain/offline.ts';
import { orgStatusLabel, type RequestSnapshot } from '../../../domain/requests.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { findRequestToDecide } from './decision-repository.ts';
import { type ReviewAction, reviewDecision } from './review-core.ts';
import { REQUEST_TYPE_LABELS } from './schema.ts';

export interface ReviewRequestInput {
  actor: OrgActor;
  id: number;
  action: ReviewAction;
  /** RETURN: the reason, 1–500 characters. */
  reason?: string;
  /** The request version the client showed; another current version is a conflict. */
  expectedVersion?: number;
  ip: string | null;
  /** Set by 当页数据全部审核 / 当页数据全部提交, recorded in the 审核流水 data. */
  bulk?: boolean;
}

export interface ReviewOutcome {
  id: number;
  siteName: string;
  state: string;
  stepIndex: number;
  version: number;
  orgStatus: string;
}

export async function reviewRequest(ctx: AppContext, input: ReviewRequestInput): Promise<ReviewOutcome> {
  const { actor, action } = input;
  const reason = input.reason?.trim();
  if (action === 'RETURN' && !reason) throw new AppError('VALIDATION_FAILED', MESSAGES.returnReasonRequired);
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const now = ctx.clock.now();
  // Read outside a transaction: the decision's compare-and-set expects exactly this row, so a change in between is a
  // conflict, never a decision on stale data (issue 22: most decisions are then one statement, see reviewDecision).
  const req = await findRequestToDecide(ctx.db, viewer, input.id);
  if (!req) throw notFound(MESSAGES.requestNotFound);
  if (offlineKindOf(req.type) !== null) {
    throw new AppError('CONFLICT', MESSAGES.otherReviewPage(REQUEST_TYPE_LABELS[req.type]));
  }
  const { next } = await reviewDecision(ctx.db, {
    actor,
    request: req,
    action,
    reason,
    expectedVersion: input.expectedVersion,
    ip: input.ip,
    bulk: input.bulk,
    now,
    messageFacts: req.messageFacts,
  });
  const after: RequestSnapshot = { type: req.type, chain: req.chain, state: next.state, stepIndex: next.stepIndex };
  return {
    id: req.id,
    siteName: req.siteName,
    state: next.state,
    stepIndex: next.stepIndex,
    version: req.version + 1,
    orgStatus: orgStatusLabel(after, actor.orgCode),
  };
}

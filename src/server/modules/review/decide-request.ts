// 审核 (通过 / 退回) and 提交 of one new-site application: decide() on the row as read in the transaction, then a
// compare-and-set on (id, state, step_index, version) and the 审核流水 entry in the same transaction.
import {
  currentOrgOf,
  decide,
  orgStatusLabel,
  type RequestAction,
  type RequestSnapshot,
} from '../../../domain/requests.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decisionEvent, queueRequestEvent } from '../notifications/queue-request-event.ts';
import { compareAndSetRequest, findVisibleRequest, touchSite } from '../requests/repository.ts';
import { applyChangeSet } from '../site-workspace/apply-change-set.ts';
import { isChangeType } from '../site-workspace/repository.ts';
import { decisionAuditEntry } from './decision-audit.ts';
import { REQUEST_TYPE_LABELS } from './schema.ts';

export type ReviewAction = Extract<RequestAction, 'APPROVE' | 'RETURN' | 'SUBMIT_ALL'>;

/** The 审核流水 action of each review action (SPEC §12). */
export const AUDIT_ACTIONS: Readonly<Record<ReviewAction, string>> = {
  APPROVE: '审核通过',
  RETURN: '退回',
  SUBMIT_ALL: '全部提交',
};

/** 办结修改审核通过 / 办结修改审核退回 of a single-step change request (SPEC §8.1 1.6–1.7). */
const CHANGE_AUDIT_ACTIONS: Readonly<Record<ReviewAction, string>> = {
  APPROVE: '办结修改审核通过',
  RETURN: '办结修改审核退回',
  SUBMIT_ALL: '全部提交',
};

export const STATE_CONFLICT_MESSAGE = '该申请已被其他人处理，请刷新后查看';
const stateConflict = () => new AppError('STATE_CONFLICT', STATE_CONFLICT_MESSAGE);

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
  if (action === 'RETURN' && !reason) throw new AppError('VALIDATION_FAILED', '退回必须填写原因');
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const req = await findVisibleRequest(trx, viewer, input.id);
    if (!req) throw notFound('申请');
    const change = isChangeType(req.type);
    if (req.type !== 'NEW_SITE' && !change) {
      throw new AppError('CONFLICT', `该申请为“${REQUEST_TYPE_LABELS[req.type]}”，请使用对应的审核功能`);
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== req.version) throw stateConflict();
    const snapshot: RequestSnapshot = { type: req.type, state: req.state, chain: req.chain, stepIndex: req.stepIndex };
    const decision = decide(snapshot, { kind: 'ORG', orgCode: actor.orgCode }, action, reason);
    if (!decision.ok) {
      // Not this unit's turn → 403; the request is past the point where this action applies → 409.
      const current = currentOrgOf(snapshot);
      const notMyTurn = current !== null && current !== actor.orgCode;
      throw new AppError(notMyTurn ? 'FORBIDDEN' : 'CONFLICT', decision.reason);
    }
    const next = decision.next;
    const from = { state: req.state, stepIndex: req.stepIndex, version: req.version };
    const applied = await compareAndSetRequest(trx, { id: req.id, from, next, now, returnReason: reason });
    if (!applied) throw stateConflict();
    await touchSite(trx, req.siteId, now);
    // A change request's staged change set reaches the live record only now, in this transaction (SPEC §7.0).
    if (change && next.finalApproval)
      await applyChangeSet(trx, { id: req.id, type: req.type, siteId: req.siteId }, now);
    await writeAudit(
      trx,
      now,
      actor,
      decisionAuditEntry({ ...req, ...snapshot }, next, {
        label: (change ? CHANGE_AUDIT_ACTIONS : AUDIT_ACTIONS)[action],
        refused: action === 'RETURN',
        reason,
        data: input.bulk ? { bulk: true } : {},
      }),
      input.ip,
    );
    // Mails to the next unit and the applicant, and the operator's notice, commit with the decision (issue 9).
    const event = decisionEvent({ action, requestId: req.id, at: now, byOrg: actor.orgCode, reason });
    if (event) await queueRequestEvent(trx, event);
    const after: RequestSnapshot = { ...snapshot, state: next.state, stepIndex: next.stepIndex };
    return {
      id: req.id,
      siteName: req.siteName,
      state: next.state,
      stepIndex: next.stepIndex,
      version: req.version + 1,
      orgStatus: orgStatusLabel(after, actor.orgCode),
    };
  });
}

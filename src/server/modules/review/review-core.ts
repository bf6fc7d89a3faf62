// The one review core (审核通过 / 退回 / 驳回 / 全部提交) of every request type: decide() on the row as read in the
// transaction, the lifecycle writer's compare-and-set with its 审核流水 entry, the notices, and then what the
// decision does beyond the request — a table keyed by request type (the change set reaches the live record, the run
// status changes …). A new-site application's final approval needs nothing more: CODE_PENDING queues it for the
// 16:00 batch. The use cases (review of the register list, 下线审核) find the row and present the outcome.

import { MESSAGES } from '../../../domain/messages/index.ts';
import {
  currentOrgOf,
  decide,
  type NextState,
  type RequestAction,
  type RequestType,
} from '../../../domain/requests.ts';
import type { OrgActor, Trx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { applyTransition, type TransitionSubject } from '../../lifecycle/request-transition.ts';
import { decisionEvent, plannedDecisionMessages, queueRequestEvent } from '../notifications/queue-request-event.ts';
import type { DecisionFacts } from '../notifications/repository.ts';
import { lockSite, type SiteState } from '../offline/repository.ts';
import { type OfflineEffect, offlineApproved, offlineReturned } from '../offline/review-effects.ts';
import { applyChangeSet } from '../site-workspace/apply-change-set.ts';
import { type DecisionKind, decisionAuditEntry } from './decision-audit.ts';

export type ReviewAction = Extract<RequestAction, 'APPROVE' | 'RETURN' | 'SUBMIT_ALL'>;

const stateConflict = () => new AppError('STATE_CONFLICT', MESSAGES.requestStateConflict);

export interface ReviewSubject extends TransitionSubject {
  siteId: number;
  siteCode: string | null;
}

interface EffectInput {
  trx: Trx;
  request: ReviewSubject;
  /** The site row, locked before the decision, for the types that change its run status. */
  site: SiteState | null;
  actor: OrgActor;
  now: Date;
  ip: string | null;
  reason?: string | undefined;
}
type Effect = (e: EffectInput) => Promise<void>;

interface TypeRules {
  /** The 审核流水 event of each decision (SPEC §12). */
  events: Readonly<Partial<Record<ReviewAction, DecisionKind>>>;
  /** Serialise with the offline job and the operator's own actions: lock the site row before the decision. */
  locksSite: boolean;
  /** On the chain's final approval, inside the decision (before its notices, which describe the result). */
  withFinalApproval?: Effect;
  /** After the decision and its notices: consequences with notices of their own. */
  afterFinalApproval?: Effect;
  afterReturn?: Effect;
}

const NEW_SITE_EVENTS = {
  APPROVE: 'REQUEST_APPROVED',
  RETURN: 'REQUEST_RETURNED',
  SUBMIT_ALL: 'REQUEST_SUBMITTED_ALL',
} as const;
/** 办结修改审核通过 / 办结修改审核退回 of a single-step change request (SPEC §8.1 1.6–1.7). */
const CHANGE_EVENTS = {
  APPROVE: 'CHANGE_APPROVED',
  RETURN: 'CHANGE_RETURNED',
  SUBMIT_ALL: 'REQUEST_SUBMITTED_ALL',
} as const;
const OFFLINE_EVENTS = { APPROVE: 'REQUEST_APPROVED', RETURN: 'OFFLINE_REJECTED' } as const;

// A change request's staged change set reaches the live record only now, in this transaction (SPEC §7.0).
const applyChanges: Effect = ({ trx, request, now }) =>
  applyChangeSet(trx, { id: request.id, type: request.type, siteId: request.siteId }, now);

const offline = (effect: (e: OfflineEffect) => Promise<void>): Effect => {
  return ({ site, ...e }) => {
    if (!site) throw new Error('offline review effect without the locked site');
    return effect({ ...e, site });
  };
};

const CHANGE: TypeRules = { events: CHANGE_EVENTS, locksSite: false, withFinalApproval: applyChanges };
const OFFLINE: TypeRules = {
  events: OFFLINE_EVENTS,
  locksSite: true,
  afterFinalApproval: offline(offlineApproved),
  afterReturn: offline(offlineReturned),
};

/** What each request type's review does beyond the request itself. */
export const REVIEW_RULES: Readonly<Record<RequestType, TypeRules>> = {
  NEW_SITE: { events: NEW_SITE_EVENTS, locksSite: false },
  MODIFY: CHANGE,
  PORTAL_ON: CHANGE,
  PORTAL_OFF: CHANGE,
  SERVICE_ON: CHANGE,
  SERVICE_OFF: CHANGE,
  DOMAINS: CHANGE,
  OFFLINE_TEMP: OFFLINE,
  OFFLINE_PERM: OFFLINE,
  OFFLINE_EMERGENCY: OFFLINE,
};

export interface ReviewInput {
  actor: OrgActor;
  request: ReviewSubject;
  action: ReviewAction;
  /** RETURN: the reason, already trimmed and checked non-empty by the use case (its wording differs). */
  reason?: string | undefined;
  /** The request version the client showed; another current version is a conflict. */
  expectedVersion?: number | undefined;
  ip: string | null;
  /** Set by 当页数据全部审核 / 当页数据全部提交, recorded in the 审核流水 data. */
  bulk?: boolean | undefined;
  now: Date;
  /** What the decision's mails say, read with the request in this transaction (`findRequestToDecide`), if so. */
  messageFacts?: DecisionFacts | undefined;
}

/** Decides and applies one review action in `trx`; returns the new position and the site locked for it, if any. */
export async function reviewInTransaction(
  trx: Trx,
  input: ReviewInput,
): Promise<{ next: NextState; site: SiteState | null }> {
  const { actor, action, request: req, reason, now } = input;
  const rules = REVIEW_RULES[req.type];
  if (input.expectedVersion !== undefined && input.expectedVersion !== req.version) throw stateConflict();
  const decision = decide(req, { kind: 'ORG', orgCode: actor.orgCode }, action, reason);
  if (!decision.ok) {
    // Not this unit's turn → 403; the request is past the point where this action applies → 409.
    const current = currentOrgOf(req);
    throw new AppError(current !== null && current !== actor.orgCode ? 'FORBIDDEN' : 'CONFLICT', decision.reason);
  }
  const kind = rules.events[action];
  if (!kind) throw new AppError('CONFLICT', MESSAGES.reviewNotApplicable);
  const next = decision.next;
  let site: SiteState | null = null;
  if (rules.locksSite) {
    site = await lockSite(trx, req.siteId);
    if (!site) throw notFound(MESSAGES.siteNotFound);
  }
  const entry = decisionAuditEntry(req, next, {
    kind,
    refused: action === 'RETURN',
    reason,
    ...(input.bulk ? { data: { bulk: true } } : {}),
  });
  const effect: EffectInput = { trx, request: req, site, actor, now, ip: input.ip, reason };
  const event = decisionEvent({ action, requestId: req.id, at: now, byOrg: actor.orgCode, reason });
  // Mails to the next unit and the applicant, and the operator's notice, commit with the decision (issue 9). They
  // describe the request as the decision leaves it: unless an effect changes the site first (a change request's
  // final approval), they are computed now and written by the compare-and-set's own statement (issue 22).
  const changesSiteFirst = next.finalApproval && rules.withFinalApproval !== undefined;
  const planned =
    event && !changesSiteFirst
      ? await plannedDecisionMessages(
          trx,
          event,
          {
            state: next.state,
            stepIndex: next.stepIndex,
            currentOrg: next.currentOrg,
          },
          input.messageFacts,
        )
      : null;
  const applied = await applyTransition(trx, {
    request: req,
    action,
    next,
    now,
    reason,
    audit: { actor, ip: input.ip, entry },
    // 最后更新时间 of the list is the site's `updated_at`: a review action on its request counts as an update.
    touchSiteId: req.siteId,
    ...(planned ? { alsoWrite: planned } : {}),
  });
  if (!applied) throw stateConflict();
  if (next.finalApproval && rules.withFinalApproval) await rules.withFinalApproval(effect);
  if (event && !planned) await queueRequestEvent(trx, event);
  if (next.finalApproval && rules.afterFinalApproval) await rules.afterFinalApproval(effect);
  if (action === 'RETURN' && rules.afterReturn) await rules.afterReturn(effect);
  return { next, site };
}

// The one review core (审核通过 / 退回 / 驳回 / 全部提交) of every request type: decide() on the row as read, the
// lifecycle writer's compare-and-set with its 审核流水 entry, the notices, and then what the decision does beyond the
// request — a table keyed by request type (the change set reaches the live record, the run status changes …). A
// new-site application's final approval needs nothing more: CODE_PENDING queues it for the 16:00 batch, and such a
// decision is one statement without a transaction (`reviewDecision`). The use cases (review of the register list,
// 下线审核) find the row and present the outcome.

import type { RawBuilder } from 'kysely';
import { MESSAGES } from '../../../domain/messages/index.ts';
import {
  currentOrgOf,
  decide,
  type NextState,
  type RequestAction,
  type RequestType,
} from '../../../domain/requests.ts';
import type { AuditEntry } from '../../audit.ts';
import type { Db, OrgActor, Trx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { applyTransition, applyTransitionAlone, type TransitionSubject } from '../../lifecycle/request-transition.ts';
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

/** A review action checked and decided on the row as read, before anything is written. */
interface Decided {
  rules: TypeRules;
  next: NextState;
  entry: AuditEntry;
  event: ReturnType<typeof decisionEvent>;
}

function decideReview(input: ReviewInput): Decided {
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
  const entry = decisionAuditEntry(req, next, {
    kind,
    refused: action === 'RETURN',
    reason,
    ...(input.bulk ? { data: { bulk: true } } : {}),
  });
  const event = decisionEvent({ action, requestId: req.id, at: now, byOrg: actor.orgCode, reason });
  return { rules, next, entry, event };
}

/**
 * Whether the decision writes nothing beyond its compare-and-set statement (state, 审核流水, the site's touch, mails,
 * notice): no site to lock, no effect of the request type on this step, and the mails' facts read with the request.
 * True for every decision on a new-site application and for a change request's steps before the final approval.
 */
function isOneStatement(d: Decided, input: ReviewInput): boolean {
  const { rules, next } = d;
  if (rules.locksSite) return false;
  if (next.finalApproval && (rules.withFinalApproval || rules.afterFinalApproval)) return false;
  if (input.action === 'RETURN' && rules.afterReturn) return false;
  return d.event === null || input.messageFacts !== undefined;
}

/** The compare-and-set of a decision with what its statement writes besides the request. */
function transitionOf(input: ReviewInput, d: Decided, planned: ((source: string) => RawBuilder<unknown>[]) | null) {
  const { actor, action, request: req, reason, now } = input;
  return {
    request: req,
    action,
    next: d.next,
    now,
    reason,
    audit: { actor, ip: input.ip, entry: d.entry },
    // 最后更新时间 of the list is the site's `updated_at`: a review action on its request counts as an update.
    touchSiteId: req.siteId,
    ...(planned ? { alsoWrite: planned } : {}),
  };
}

/**
 * One review action on a request read outside any transaction (`findRequestToDecide` with `ctx.db`). When the
 * decision is one statement (`isOneStatement`), that statement runs alone: the read, then the compare-and-set that
 * carries the 审核流水 entry, the site's touch, the mails and the notice — no BEGIN / COMMIT (issue 22). A reviewer
 * who lost a race finds the row moved: the statement writes nothing and the caller gets STATE_CONFLICT. Other
 * decisions (a change request's final approval, …) run in a transaction through `reviewInTransaction`, the read row
 * still guarded by the compare-and-set.
 */
export async function reviewDecision(db: Db, input: ReviewInput): Promise<{ next: NextState }> {
  const decided = decideReview(input);
  if (!isOneStatement(decided, input)) {
    return db.transaction().execute((trx) => reviewInTransaction(trx, input));
  }
  const after = { state: decided.next.state, stepIndex: decided.next.stepIndex, currentOrg: decided.next.currentOrg };
  const planned = decided.event ? await plannedDecisionMessages(db, decided.event, after, input.messageFacts) : null;
  const applied = await applyTransitionAlone(db, transitionOf(input, decided, planned));
  if (!applied) throw stateConflict();
  return { next: decided.next };
}

/** Decides and applies one review action in `trx`; returns the new position and the site locked for it, if any. */
export async function reviewInTransaction(
  trx: Trx,
  input: ReviewInput,
): Promise<{ next: NextState; site: SiteState | null }> {
  const { action, request: req, reason, now } = input;
  const decided = decideReview(input);
  const { rules, next, event } = decided;
  let site: SiteState | null = null;
  if (rules.locksSite) {
    site = await lockSite(trx, req.siteId);
    if (!site) throw notFound(MESSAGES.siteNotFound);
  }
  const effect: EffectInput = { trx, request: req, site, actor: input.actor, now, ip: input.ip, reason };
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
  const applied = await applyTransition(trx, transitionOf(input, decided, planned));
  if (!applied) throw stateConflict();
  if (next.finalApproval && rules.withFinalApproval) await rules.withFinalApproval(effect);
  if (event && !planned) await queueRequestEvent(trx, event);
  if (next.finalApproval && rules.afterFinalApproval) await rules.afterFinalApproval(effect);
  if (action === 'RETURN' && rules.afterReturn) await rules.afterReturn(effect);
  return { next, site };
}

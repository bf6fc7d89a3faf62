// The request state machine (SPEC §7.0–§7.2, §7.6): one typed transition table for every request type,
// the decision "may this actor do this now, and if not why", and the labels each side sees.
import { codePendingText, STATUS_LABELS } from './status-labels.ts';

/** Every request type (申请类型): the source of the TypeScript type, the zod enums and the database CHECK list. */
export const REQUEST_TYPES = [
  'NEW_SITE',
  'MODIFY',
  'PORTAL_ON',
  'PORTAL_OFF',
  'SERVICE_ON',
  'SERVICE_OFF',
  'DOMAINS',
  'OFFLINE_TEMP',
  'OFFLINE_PERM',
  'OFFLINE_EMERGENCY',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** 申请类型 as shown in the review list's filter, the detail view and the notifications. */
export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  NEW_SITE: '新增网站',
  MODIFY: '基本信息修改',
  PORTAL_ON: '申请门户网站',
  PORTAL_OFF: '申请取消门户网站',
  SERVICE_ON: '申请政务服务平台',
  SERVICE_OFF: '申请取消政务服务平台',
  DOMAINS: '维护其他域名',
  OFFLINE_TEMP: '临时下线',
  OFFLINE_PERM: '永久下线',
  OFFLINE_EMERGENCY: '紧急下线',
};

/**
 * Every request state: the source of the TypeScript type, the zod enums and the database CHECK list. A final
 * approval ends in CODE_PENDING (new site) or DONE (every other type); there is no separate "approved" state.
 */
export const REQUEST_STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'RETURNED',
  'CODE_PENDING',
  'DONE',
  'WITHDRAWN',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Multi-step types climb the chain to the level-1 unit; the others have a single reviewer. */
export const MULTI_STEP_TYPES: ReadonlySet<RequestType> = new Set([
  'NEW_SITE',
  'OFFLINE_TEMP',
  'OFFLINE_PERM',
  'OFFLINE_EMERGENCY',
]);
/** States of an open request (one per site): the rest are final. */
export const OPEN_STATE_LIST = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'CODE_PENDING',
] as const satisfies readonly RequestState[];
export const OPEN_STATES: ReadonlySet<RequestState> = new Set(OPEN_STATE_LIST);
/** States in which a unit of the chain can act. */
export const REVIEWABLE_STATES: ReadonlySet<RequestState> = new Set(['SUBMITTED', 'IN_REVIEW']);

export type RequestAction =
  | 'SUBMIT_ALL' // 当页数据全部提交: the entry reviewer moves a 未提交 application into the chain without approving
  | 'APPROVE' // 审核通过 / 办结修改审核通过
  | 'RETURN' // 退回 / 驳回 / 办结修改审核退回 (reason required)
  | 'SUBMIT' // applicant / operator (re)submits: DRAFT or RETURNED → SUBMITTED at chain[0]
  | 'WITHDRAW' // applicant / operator withdraws
  | 'ISSUE' // the 16:00 batch issues the codes
  | 'CLOSE_STALE' // the system closes a new-site application left returned for 90 days (SPEC §16 item 2)
  | 'SITE_DELETED'; // 删除 of the site withdraws its open requests with it (SPEC §7.7)

/** A returned new-site application not resubmitted within this many calendar days is closed (SPEC §16 item 2). */
export const RETURNED_APPLICATION_CLOSE_DAYS = 90;
/** The 临时码 progress text of an application closed that way. */
export const CLOSED_STALE_TEXT = `已关闭：退回后 ${RETURNED_APPLICATION_CLOSE_DAYS} 天内未重新提交，网站名称和网址已释放`;

/**
 * The latest return time at which a returned application is closed at `now`: 90 days earlier, to the millisecond
 * (a 90-day wait is a wait of 90 × 24 hours; the daily job closes it on the first run after that).
 */
export function staleReturnCutoff(now: Date): Date {
  return new Date(now.getTime() - RETURNED_APPLICATION_CLOSE_DAYS * 86_400_000);
}

export type RequestActor = { kind: 'ORG'; orgCode: string } | { kind: 'REQUESTER' } | { kind: 'SYSTEM' };

export interface RequestSnapshot {
  type: RequestType;
  state: RequestState;
  chain: readonly string[];
  stepIndex: number;
}

export interface NextState {
  state: RequestState;
  stepIndex: number;
  currentOrg: string | null;
  /** The last unit of the chain approved just now. */
  finalApproval: boolean;
}

export type Decision = { ok: true; next: NextState } | { ok: false; reason: string };

export function currentOrgOf(snapshot: Pick<RequestSnapshot, 'state' | 'chain' | 'stepIndex'>): string | null {
  return REVIEWABLE_STATES.has(snapshot.state) ? (snapshot.chain[snapshot.stepIndex] ?? null) : null;
}

const deny = (reason: string): Decision => ({ ok: false, reason });
const to = (state: RequestState, stepIndex: number, chain: readonly string[], finalApproval = false): Decision => ({
  ok: true,
  next: {
    state,
    stepIndex,
    currentOrg: REVIEWABLE_STATES.has(state) ? (chain[stepIndex] ?? null) : null,
    finalApproval,
  },
});

function stateText(state: RequestState): string {
  const texts: Record<RequestState, string> = {
    DRAFT: '草稿',
    SUBMITTED: '待审核',
    IN_REVIEW: '审核中',
    RETURNED: '已退回',
    CODE_PENDING: '已办结，等待生成网站标识码',
    DONE: '已办结',
    WITHDRAWN: '已撤回',
  };
  return texts[state];
}

/**
 * The single transition table. Returns the next state, or the reason (Chinese, shown to the user) why the actor
 * may not take the action now. Callers execute the result as a compare-and-set on (id, state, step_index, version).
 */
export function decide(req: RequestSnapshot, actor: RequestActor, action: RequestAction, reason?: string): Decision {
  const multi = MULTI_STEP_TYPES.has(req.type);
  const last = req.chain.length - 1;
  const current = currentOrgOf(req);
  switch (action) {
    case 'SUBMIT_ALL': {
      if (actor.kind !== 'ORG') return deny('只有组织单位可以提交');
      if (req.type !== 'NEW_SITE') return deny('“当页数据全部提交”只适用于新增网站申请');
      if (req.state !== 'SUBMITTED') return deny(`该申请当前为“${stateText(req.state)}”，不是“未提交”`);
      if (req.chain[0] !== actor.orgCode) return deny('该申请不由本单位提交');
      return to('IN_REVIEW', 0, req.chain);
    }
    case 'APPROVE':
    case 'RETURN': {
      if (actor.kind !== 'ORG') return deny('只有组织单位可以审核');
      if (!REVIEWABLE_STATES.has(req.state)) return deny(`该申请已处理（当前为“${stateText(req.state)}”）`);
      if (current !== actor.orgCode) {
        const position = req.chain.indexOf(actor.orgCode);
        if (position >= 0 && position < req.stepIndex) return deny('本单位已审核，该申请已转上级组织单位审核');
        if (position > req.stepIndex) return deny('审核流程尚未到达本单位，暂不能审核');
        return deny('该申请不由本单位审核');
      }
      if (action === 'RETURN') {
        if (!reason || reason.trim().length === 0) return deny('退回必须填写原因');
        return to('RETURNED', req.stepIndex, req.chain);
      }
      if (req.stepIndex < last) return to('IN_REVIEW', req.stepIndex + 1, req.chain);
      return to(req.type === 'NEW_SITE' ? 'CODE_PENDING' : 'DONE', req.stepIndex, req.chain, true);
    }
    case 'SUBMIT': {
      if (actor.kind !== 'REQUESTER') return deny('只有申请人可以提交');
      if (req.state !== 'DRAFT' && req.state !== 'RETURNED')
        return deny(`该申请当前为“${stateText(req.state)}”，不能再次提交`);
      return to('SUBMITTED', 0, req.chain);
    }
    case 'WITHDRAW': {
      if (actor.kind !== 'REQUESTER') return deny('只有申请人可以撤回');
      // A multi-step request may be withdrawn only before any unit has acted on it.
      const withdrawable =
        req.state === 'DRAFT' ||
        req.state === 'RETURNED' ||
        req.state === 'SUBMITTED' ||
        (!multi && req.state === 'IN_REVIEW');
      if (!withdrawable) return deny('审核已开始，不能撤回');
      return to('WITHDRAWN', req.stepIndex, req.chain);
    }
    case 'ISSUE': {
      if (actor.kind !== 'SYSTEM') return deny('网站标识码只能由系统生成');
      if (req.type !== 'NEW_SITE' || req.state !== 'CODE_PENDING') return deny('该申请不在等待生成标识码的状态');
      return to('DONE', req.stepIndex, req.chain);
    }
    case 'SITE_DELETED': {
      // The deleting unit's right over the site was checked by 删除 itself; here only the request's state counts.
      if (actor.kind !== 'ORG') return deny('只有组织单位可以删除网站');
      if (!OPEN_STATES.has(req.state)) return deny(`该申请已处理（当前为“${stateText(req.state)}”）`);
      return to('WITHDRAWN', req.stepIndex, req.chain);
    }
    case 'CLOSE_STALE': {
      if (actor.kind !== 'SYSTEM') return deny('只有系统可以关闭超期未重新提交的申请');
      if (req.type !== 'NEW_SITE' || req.state !== 'RETURNED') return deny('只关闭已退回的新增网站申请');
      return to('WITHDRAWN', req.stepIndex, req.chain);
    }
  }
}

/** 申报状态 as the organizing unit `viewerOrg` sees it (SPEC §7.1.3, §7.2, §7.8, §16 item 1). */
export function orgStatusLabel(req: RequestSnapshot, viewerOrg: string): string {
  if (MULTI_STEP_TYPES.has(req.type)) {
    switch (req.state) {
      case 'SUBMITTED':
        return req.chain[0] === viewerOrg ? STATUS_LABELS.notSubmitted : STATUS_LABELS.inReview;
      case 'IN_REVIEW': {
        if (req.chain[req.stepIndex] === viewerOrg) return STATUS_LABELS.notReviewed;
        const position = req.chain.indexOf(viewerOrg);
        return position >= 0 && position < req.stepIndex ? STATUS_LABELS.reviewed : STATUS_LABELS.inReview;
      }
      case 'RETURNED':
        return STATUS_LABELS.returned;
      case 'CODE_PENDING':
      case 'DONE':
        return STATUS_LABELS.done;
      case 'WITHDRAWN':
        return '已撤回';
      case 'DRAFT':
        return '草稿';
    }
  }
  switch (req.state) {
    case 'SUBMITTED':
    case 'IN_REVIEW':
      return STATUS_LABELS.modificationPendingOrg;
    case 'RETURNED':
      return STATUS_LABELS.modificationReturned;
    case 'WITHDRAWN':
      return '已撤回';
    case 'DRAFT':
      return '草稿';
    default:
      return STATUS_LABELS.done;
  }
}

/** 修改审核状态 as the site operator sees it (SPEC §7.2, §7.8). */
export function reporterStatusLabel(req: RequestSnapshot): string {
  switch (req.state) {
    case 'SUBMITTED':
    case 'IN_REVIEW':
      return MULTI_STEP_TYPES.has(req.type) ? STATUS_LABELS.inReview : STATUS_LABELS.modificationPendingReporter;
    case 'RETURNED':
      return MULTI_STEP_TYPES.has(req.type) ? STATUS_LABELS.returned : STATUS_LABELS.modificationReturned;
    case 'DRAFT':
      return '草稿（未提交）';
    case 'WITHDRAWN':
      return '已撤回';
    default:
      return MULTI_STEP_TYPES.has(req.type) ? STATUS_LABELS.done : STATUS_LABELS.modificationApproved;
  }
}

/** The 临时码 progress-query text of a new-site application (SPEC §7.1.3, §16 item 16). */
export function applicantProgressText(
  req: Pick<RequestSnapshot, 'state'> & {
    returnReason?: string | null;
    finalApprovedAt?: Date | null;
    /** Withdrawn by the system after 90 days returned (CLOSE_STALE), not by the applicant. */
    closedStale?: boolean;
  },
  now: Date,
): string {
  switch (req.state) {
    case 'RETURNED':
      return STATUS_LABELS.returnedWithReason(req.returnReason ?? '');
    case 'CODE_PENDING':
      return codePendingText(req.finalApprovedAt ?? now, now);
    case 'DONE':
      return STATUS_LABELS.done;
    case 'WITHDRAWN':
      return req.closedStale ? CLOSED_STALE_TEXT : '已撤回';
    default:
      return STATUS_LABELS.inReview;
  }
}

/**
 * The columns a transition moves besides state, step_index, current_org, version and updated_at — one rule for every
 * writer of request state, derived from the action and the decision:
 * - step_entered_at when the request arrives at a reviewing unit (submitted, or moved up the chain);
 * - submitted_at at the first submission of a draft (a resubmission keeps it: 提交时间 is the first one);
 * - decided_at when a unit returns it, the chain's last unit approves it, or it is withdrawn or closed;
 * - final_approved_at at the chain's final approval;
 * - return_reason holds the reason while the request is RETURNED and is cleared by any other transition.
 */
export interface TransitionColumns {
  stepEntered: boolean;
  submitted: boolean;
  decided: boolean;
  finalApproved: boolean;
  returnReason: 'SET' | 'CLEAR';
}

export function transitionColumns(
  action: RequestAction,
  from: Pick<RequestSnapshot, 'state' | 'stepIndex'>,
  next: NextState,
): TransitionColumns {
  const reviewable = REVIEWABLE_STATES.has(next.state);
  return {
    stepEntered: reviewable && (!REVIEWABLE_STATES.has(from.state) || from.stepIndex !== next.stepIndex),
    submitted: action === 'SUBMIT' && from.state === 'DRAFT',
    decided: next.state === 'RETURNED' || next.finalApproval || next.state === 'WITHDRAWN',
    finalApproved: next.finalApproval,
    returnReason: next.state === 'RETURNED' ? 'SET' : 'CLEAR',
  };
}

// Which requests may be open together on one site (SPEC §7.0, §16 item 20), and what an organizing unit sees of a
// site's requests: every open one with its own 申报状态 and abilities, else the one that ended last.
import {
  decide,
  OPEN_STATES,
  orgStatusLabel,
  REQUEST_TYPE_LABELS,
  REVIEWABLE_STATES,
  type RequestAction,
  type RequestSnapshot,
  type RequestState,
  type RequestType,
} from './requests.ts';

/**
 * How a request is reviewed: 审核 (new sites), 办结修改审核通过 / 退回 (single-step changes: modification, flags,
 * 其他域名), or 下线审核 通过 / 驳回 (offline).
 */
export type ReviewKind = 'NEW_SITE' | 'CHANGE' | 'OFFLINE';

export const REVIEW_KIND: Readonly<Record<RequestType, ReviewKind>> = {
  NEW_SITE: 'NEW_SITE',
  MODIFY: 'CHANGE',
  PORTAL_ON: 'CHANGE',
  PORTAL_OFF: 'CHANGE',
  SERVICE_ON: 'CHANGE',
  SERVICE_OFF: 'CHANGE',
  DOMAINS: 'CHANGE',
  OFFLINE_TEMP: 'OFFLINE',
  OFFLINE_PERM: 'OFFLINE',
  OFFLINE_EMERGENCY: 'OFFLINE',
};

/**
 * The coexistence rule, as a table: a request of the row's type may be open while one of the column's type is open.
 * Only 紧急下线 coexists, and with exactly one request of another type (an emergency also takes the site out of
 * 「正常」, so no second emergency can be filed). The unique index `requests_one_open_idx` (migration 0002) is the
 * database's copy of this table: at most one open request per site whose type is not OFFLINE_EMERGENCY.
 */
export function mayBeOpenTogether(a: RequestType, b: RequestType): boolean {
  return (a === 'OFFLINE_EMERGENCY') !== (b === 'OFFLINE_EMERGENCY');
}

export const isOpenState = (state: RequestState): boolean => OPEN_STATES.has(state);

/** The open request that keeps a new request of `type` from being filed on the site, if any. */
export function blockingRequest<T extends { type: RequestType; state: RequestState }>(
  requests: readonly T[],
  type: RequestType,
): T | null {
  return requests.find((r) => isOpenState(r.state) && !mayBeOpenTogether(r.type, type)) ?? null;
}

export interface Ability {
  allowed: boolean;
  reason?: string;
}

export interface ShownRequest extends RequestSnapshot {
  id: number;
  /** When it ended (decided, withdrawn, expired); null while open. Orders the ended ones: the latest is shown. */
  endedAt?: Date | null;
}

/**
 * The requests a site's row shows to the organizing units: every open one (the non-emergency one first, then by id);
 * when none is open, the one that ended last (by `endedAt`, then id) — not the one filed last, which would keep
 * showing an emergency offline after a modification filed before it was decided. Drafts and withdrawn requests are
 * not the organizing units' business.
 */
export function shownRequests<T extends ShownRequest>(requests: readonly T[]): T[] {
  const visible = requests.filter((r) => r.state !== 'DRAFT' && r.state !== 'WITHDRAWN');
  const open = visible.filter((r) => isOpenState(r.state));
  if (open.length > 0) {
    const emergencyLast = (r: T) => (r.type === 'OFFLINE_EMERGENCY' ? 1 : 0);
    return [...open].sort((a, b) => emergencyLast(a) - emergencyLast(b) || a.id - b.id);
  }
  const ended = (r: T) => r.endedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const latest = visible.reduce<T | null>(
    (best, r) => (best === null || ended(r) > ended(best) || (ended(r) === ended(best) && r.id > best.id) ? r : best),
    null,
  );
  return latest ? [latest] : [];
}

/**
 * Why the viewer's unit may not take `action` on the request now, in the words of the list's 申报状态 column
 * (「未提交」「已办结」「审核未通过」…), or null. The list's disabled buttons and the bulk dialogs both say this.
 */
export function reviewRefusal(
  req: RequestSnapshot,
  viewerOrg: string,
  action: Extract<RequestAction, 'APPROVE' | 'RETURN' | 'SUBMIT_ALL'>,
): string | null {
  const actor = { kind: 'ORG', orgCode: viewerOrg } as const;
  // RETURN is checked with a placeholder reason: the dialog asks for the real one.
  const decision = decide(req, actor, action, action === 'RETURN' ? '退回' : undefined);
  if (decision.ok) return null;
  const label = orgStatusLabel(req, viewerOrg);
  if (action === 'SUBMIT_ALL') {
    if (req.type !== 'NEW_SITE') return decision.reason;
    if (req.state !== 'SUBMITTED') return `该申请的申报状态为“${label}”，不是“未提交”`;
    return decision.reason;
  }
  if (!REVIEWABLE_STATES.has(req.state)) return `该申请已处理（申报状态为“${label}”）`;
  return decision.reason;
}

/** 当页数据全部审核 approves 「未审核」 new-site rows only (SPEC §8.1 1.2, §16 item 18). */
export function bulkApproveRefusal(req: RequestSnapshot, viewerOrg: string): string | null {
  if (req.type !== 'NEW_SITE') return '只处理新增网站申请';
  if (req.state === 'SUBMITTED' && req.chain[0] === viewerOrg)
    return `该申请为“${orgStatusLabel(req, viewerOrg)}”，请先“当页数据全部提交”或单独审核`;
  return reviewRefusal(req, viewerOrg, 'APPROVE');
}

/** 当页数据全部提交 moves 「未提交」 new-site rows into the chain (SPEC §8.1 1.3). */
export function bulkSubmitRefusal(req: RequestSnapshot, viewerOrg: string): string | null {
  if (req.type !== 'NEW_SITE') return '只处理新增网站申请';
  return reviewRefusal(req, viewerOrg, 'SUBMIT_ALL');
}

export interface RequestAbilities {
  /** 通过: 审核 / 办结修改审核通过 / 下线审核通过, by the request's review kind. */
  approve: Ability;
  /** 退回 / 驳回 (a reason is asked for in the dialog). */
  return: Ability;
  /** 当页数据全部提交 of a 「未提交」 new-site application. */
  submit: Ability;
}

const ability = (refusal: string | null): Ability =>
  refusal === null ? { allowed: true } : { allowed: false, reason: refusal };

export function requestAbilities(req: RequestSnapshot, viewerOrg: string): RequestAbilities {
  return {
    approve: ability(reviewRefusal(req, viewerOrg, 'APPROVE')),
    return: ability(reviewRefusal(req, viewerOrg, 'RETURN')),
    submit: ability(bulkSubmitRefusal(req, viewerOrg)),
  };
}

export interface RequestView<T> {
  request: T;
  typeLabel: string;
  kind: ReviewKind;
  open: boolean;
  /** 申报状态 of this request as the viewer sees it (orgStatusLabel). */
  orgStatus: string;
  abilities: RequestAbilities;
}

/** Each shown request of a site with its own 申报状态 and abilities, for the viewer's unit. */
export function requestViews<T extends ShownRequest>(requests: readonly T[], viewerOrg: string): RequestView<T>[] {
  return shownRequests(requests).map((request) => ({
    request,
    typeLabel: REQUEST_TYPE_LABELS[request.type],
    kind: REVIEW_KIND[request.type],
    open: isOpenState(request.state),
    orgStatus: orgStatusLabel(request, viewerOrg),
    abilities: requestAbilities(request, viewerOrg),
  }));
}

/**
 * The 申报状态 cell: the label of the one shown request; with two open requests, each label after its 申请类型
 * (「申请取消政务服务平台：办结后修改；紧急下线：未审核」).
 */
export function orgStatusText(views: readonly Pick<RequestView<unknown>, 'typeLabel' | 'orgStatus'>[]): string {
  if (views.length <= 1) return views[0]?.orgStatus ?? '';
  return views.map((v) => `${v.typeLabel}：${v.orgStatus}`).join('；');
}

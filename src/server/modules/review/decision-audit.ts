// The 审核流水 entry of one decision on a request (通过 / 退回 / 驳回 / 全部提交), shared by the review of new-site and
// change requests and by 下线审核: who held the step before and after, and the reason of a refusal.

import type { PlainAuditKind } from '../../../domain/audit-events.ts';
import { currentOrgOf, type NextState, type RequestSnapshot } from '../../../domain/requests.ts';
import type { AuditEntry } from '../../audit.ts';

/** The 审核流水 events of a decision on a request. */
export type DecisionKind = Extract<
  PlainAuditKind,
  | 'REQUEST_APPROVED'
  | 'REQUEST_RETURNED'
  | 'REQUEST_SUBMITTED_ALL'
  | 'CHANGE_APPROVED'
  | 'CHANGE_RETURNED'
  | 'OFFLINE_REJECTED'
>;

export interface DecidedRequest extends RequestSnapshot {
  id: number;
  siteCode: string | null;
}

export function decisionAuditEntry(
  req: DecidedRequest,
  next: NextState,
  decision: { kind: DecisionKind; refused: boolean; reason?: string | undefined; data?: Record<string, unknown> },
): AuditEntry {
  return {
    kind: decision.kind,
    entityType: 'REQUEST',
    entityId: String(req.id),
    siteCode: req.siteCode,
    requestId: req.id,
    fromState: req.state,
    toState: next.state,
    comment: decision.refused ? (decision.reason ?? null) : null,
    data: {
      type: req.type,
      fromStep: req.stepIndex,
      toStep: next.stepIndex,
      fromOrg: currentOrgOf(req),
      toOrg: next.currentOrg,
      ...decision.data,
    },
  };
}

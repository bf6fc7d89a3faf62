// Presents open steps for one viewer: waiting working days, due date, 逾期 / escalated, the label and the link.
import { orgStatusLabel } from '../../../domain/requests.ts';
import { type DeadlineRule, stepDeadline } from '../../../domain/working-days.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import type { WaitingRow } from './repository.ts';
import type { InboxItem } from './schema.ts';

/**
 * Where to act on a request: 下线审核 for offline requests, else the site list filtered to the site with the request
 * named (`request=<id>`): the list selects that row and opens the request's own 通过 / 退回, even when the site has
 * another open request beside it (SPEC §16 item 20).
 */
export function actionLink(
  row: { type: string; siteCode: string | null; siteName: string; requestId: number },
  waiting: boolean,
): string {
  if (row.type.startsWith('OFFLINE_')) return '/org/offline';
  const params = new URLSearchParams(row.siteCode ? { siteCode: row.siteCode } : { name: row.siteName });
  if (waiting) params.set('waitingForMe', 'true');
  params.set('request', String(row.requestId));
  return `/org/sites?${params.toString()}`;
}

export function presentWaiting(
  row: WaitingRow,
  viewerOrg: string,
  now: Date,
  rule: DeadlineRule,
  waiting: boolean,
): InboxItem {
  const deadline = stepDeadline(row.stepEnteredAt, now, rule);
  return {
    requestId: row.requestId,
    type: row.type,
    typeLabel: REQUEST_TYPE_LABELS[row.type],
    orgStatus: orgStatusLabel(
      { type: row.type, state: row.state, chain: row.chain, stepIndex: row.stepIndex },
      viewerOrg,
    ),
    siteId: row.siteId,
    siteName: row.siteName,
    siteCode: row.siteCode,
    siteOrgName: row.siteOrgName,
    holderCode: row.holderCode,
    holderName: row.holderName,
    submittedAt: row.submittedAt.toISOString(),
    stepEnteredAt: row.stepEnteredAt.toISOString(),
    waitingDays: deadline.waitingDays,
    dueDate: deadline.dueDate,
    overdue: deadline.overdue,
    escalated: deadline.escalated,
    link: actionLink(row, waiting),
  };
}

// Presents open steps for one viewer: waiting working days, due date, 逾期 / escalated, the label and the link.

import { WORK_REPORT_STATE_LABELS } from '../../../domain/annual-report/work-report-states.ts';
import { orgStatusLabel } from '../../../domain/requests.ts';
import { type DeadlineRule, stepDeadline } from '../../../domain/working-days.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import type { InboxRow } from './inbox-repository.ts';
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
    kind: 'REQUEST',
    key: `REQUEST:${row.requestId}`,
    requestId: row.requestId,
    reportId: null,
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

/** 类型 of the 年度报表 items of 待办 and 已办. */
export const REPORT_TYPE_LABELS = { WORK_REPORT: '工作年度报表', SUPERVISION_REPORT: '监管年度报表' } as const;

/** Where the reviewing unit opens a waiting report: its review list narrowed to it, the report open. */
export function reportLink(row: {
  kind: 'WORK_REPORT' | 'SUPERVISION_REPORT';
  id: number;
  year: number;
  siteCode: string | null;
  siteName: string;
}): string {
  if (row.kind === 'SUPERVISION_REPORT') return `/org/supervision-reports?year=${row.year}&id=${row.id}`;
  const params = new URLSearchParams({ year: String(row.year), q: row.siteCode ?? row.siteName, view: String(row.id) });
  return `/org/work-reports?${params.toString()}`;
}

/** One 待办 item of any kind, as presentWaiting for a request's step. */
export function presentInboxRow(row: InboxRow, viewerOrg: string, now: Date, rule: DeadlineRule): InboxItem {
  if (row.kind === 'REQUEST') {
    return presentWaiting({ ...row, requestId: row.id, stepEnteredAt: row.waitingSince }, viewerOrg, now, rule, true);
  }
  const deadline = stepDeadline(row.waitingSince, now, rule);
  return {
    kind: row.kind,
    key: `${row.kind}:${row.id}`,
    requestId: null,
    reportId: row.id,
    type: null,
    typeLabel: REPORT_TYPE_LABELS[row.kind],
    orgStatus: WORK_REPORT_STATE_LABELS.SUBMITTED,
    siteId: row.siteId,
    siteName: row.kind === 'SUPERVISION_REPORT' ? `${row.siteName}（${row.year}年度）` : row.siteName,
    siteCode: row.siteCode,
    siteOrgName: row.siteOrgName,
    holderCode: row.holderCode,
    holderName: row.holderName,
    submittedAt: row.submittedAt.toISOString(),
    stepEnteredAt: row.waitingSince.toISOString(),
    waitingDays: deadline.waitingDays,
    dueDate: deadline.dueDate,
    overdue: deadline.overdue,
    escalated: deadline.escalated,
    link: reportLink(row),
  };
}

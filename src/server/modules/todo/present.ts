// Presents open steps for one viewer: waiting working days, due date, 逾期 / escalated, the label and the link.

import { WORK_REPORT_STATE_LABELS } from '../../../domain/annual-report/work-report-states.ts';
import { formatDateCN } from '../../../domain/dates.ts';
import { orgStatusLabel } from '../../../domain/requests.ts';
import { type DeadlineRule, stepDeadline, workingDaysBetween } from '../../../domain/working-days.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import type { InboxRow } from './inbox-repository.ts';
import type { BelowRow, UnsubmittedRow } from './overdue-below-repository.ts';
import type { WaitingRow } from './repository.ts';
import type { InboxItem } from './schema.ts';

/**
 * Where to act on a request: 下线审核 for offline requests, else the site list filtered to the site with the request
 * named (`request=<id>`): the list selects that row and opens the request's own 通过 / 退回, even when the site has
 * another open request beside it (SPEC §16 item 20).
 */
type Place = Pick<InboxItem, 'siteId' | 'siteName' | 'siteCode' | 'siteOrgName' | 'holderCode' | 'holderName'>;

/** Where an item is: its site and the unit holding it. */
const placeOf = (row: Place): Place => ({
  siteId: row.siteId,
  siteName: row.siteName,
  siteCode: row.siteCode,
  siteOrgName: row.siteOrgName,
  holderCode: row.holderCode,
  holderName: row.holderName,
});

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
    ...placeOf(row),
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

/**
 * Where a unit opens a report: its review list narrowed to the site, the report open. `below`: a unit above the
 * reviewing one (下级超期), whose list must show every report of its subtree, not only those it reviews.
 */
export function reportLink(
  row: {
    kind: 'WORK_REPORT' | 'SUPERVISION_REPORT';
    id: number;
    year: number;
    siteCode: string | null;
    siteName: string;
  },
  below = false,
): string {
  if (row.kind === 'SUPERVISION_REPORT') return `/org/supervision-reports?year=${row.year}&id=${row.id}`;
  const params = new URLSearchParams({ year: String(row.year), q: row.siteCode ?? row.siteName, view: String(row.id) });
  if (below) params.set('mine', 'false');
  return `/org/work-reports?${params.toString()}`;
}

/** 申报状态 of a site that has not submitted after the 填报截止. */
export const UNSUBMITTED_LABELS = { NONE: '逾期未填报', DRAFT: '逾期未提交' } as const;

/**
 * A site that has not submitted after the 填报截止, for the units above its 本级组织单位: waiting since the 填报开始,
 * due on the 填报截止, so overdue — and escalated, as its 本级 unit has been told. The link opens its draft, or, with
 * no report at all, the progress board of its 本级组织单位.
 */
function presentUnsubmitted(row: UnsubmittedRow, now: Date, rule: DeadlineRule, fillTo: string): InboxItem {
  const link =
    row.reportId === null
      ? `/org/work-reports/progress?${new URLSearchParams({ year: String(row.year), org: row.holderCode })}`
      : reportLink({ ...row, kind: 'WORK_REPORT', id: row.reportId }, true);
  return {
    kind: row.kind,
    key: `${row.kind}:${row.year}:${row.id}`,
    requestId: null,
    reportId: row.reportId,
    type: null,
    typeLabel: REPORT_TYPE_LABELS.WORK_REPORT,
    orgStatus: UNSUBMITTED_LABELS[row.state],
    ...placeOf(row),
    submittedAt: row.waitingSince.toISOString(),
    stepEnteredAt: row.waitingSince.toISOString(),
    waitingDays: workingDaysBetween(formatDateCN(row.waitingSince), formatDateCN(now), rule.calendar),
    dueDate: fillTo,
    overdue: true,
    escalated: true,
    link,
  };
}

/** One 下级超期 item of any kind; `fillTo` is the 填报截止 of the year whose unsubmitted sites are listed. */
export function presentBelowRow(
  row: BelowRow,
  viewerOrg: string,
  now: Date,
  rule: DeadlineRule,
  fillTo: string | null,
): InboxItem {
  if (row.kind === 'WORK_REPORT_UNSUBMITTED') return presentUnsubmitted(row, now, rule, fillTo ?? '');
  if (row.kind === 'REQUEST') {
    return presentWaiting({ ...row, requestId: row.id, stepEnteredAt: row.waitingSince }, viewerOrg, now, rule, false);
  }
  return { ...presentInboxRow(row, viewerOrg, now, rule), link: reportLink(row, true) };
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
    ...placeOf(row),
    siteName: row.kind === 'SUPERVISION_REPORT' ? `${row.siteName}（${row.year}年度）` : row.siteName,
    submittedAt: row.submittedAt.toISOString(),
    stepEnteredAt: row.waitingSince.toISOString(),
    waitingDays: deadline.waitingDays,
    dueDate: deadline.dueDate,
    overdue: deadline.overdue,
    escalated: deadline.escalated,
    link: reportLink(row),
  };
}

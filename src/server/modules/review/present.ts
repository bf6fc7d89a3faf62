// Presents list rows for one viewer: the labels it sees (SPEC §7.8) and its abilities computed from decide().

import type { Ability } from '../../../domain/ability.ts';
import { resetCheckCodeAbility } from '../../../domain/issuance.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { orgStatusText, requestViews } from '../../../domain/open-requests.ts';
import { type Decision, decide, type RequestActor, type RequestSnapshot } from '../../../domain/requests.ts';
import { runStatusText } from '../../../domain/status-labels.ts';
import { isChangeType } from '../site-workspace/repository.ts';
import type { ListRequest, SiteListRow } from './repository.ts';
import { REQUEST_TYPE_LABELS, type SiteRowView } from './schema.ts';

function fromDecision(decision: Decision): Ability {
  return decision.ok ? { allowed: true } : { allowed: false, reason: decision.reason };
}

/** What the viewer may do with the row's request now, and why not (shown on disabled buttons). */
export function rowAbilities(
  request: SiteListRow['request'],
  viewerOrg: string,
): Omit<SiteRowView['abilities'], 'resetCheckCode'> {
  const view: Ability = { allowed: true };
  if (!request) {
    const denied = { allowed: false, reason: MESSAGES.noOpenRequest };
    return {
      approve: denied,
      return: denied,
      submit: denied,
      view,
      approveModification: denied,
      returnModification: denied,
    };
  }
  const snapshot: RequestSnapshot = {
    type: request.type,
    state: request.state,
    chain: request.chain,
    stepIndex: request.stepIndex,
  };
  const actor: RequestActor = { kind: 'ORG', orgCode: viewerOrg };
  const submit = fromDecision(decide(snapshot, actor, 'SUBMIT_ALL'));
  const otherButtons = {
    allowed: false,
    reason: MESSAGES.otherReviewPage(REQUEST_TYPE_LABELS[request.type]),
  };
  if (isChangeType(request.type)) {
    // 办结修改审核通过 / 办结修改审核退回 (SPEC §8.1 1.6–1.7): modifications, flags and 其他域名.
    return {
      approve: otherButtons,
      return: otherButtons,
      submit,
      view,
      approveModification: fromDecision(decide(snapshot, actor, 'APPROVE')),
      returnModification: fromDecision(decide(snapshot, actor, 'RETURN', '退回')),
    };
  }
  if (request.type !== 'NEW_SITE') {
    // Offline requests are reviewed on 下线审核 (SPEC §8.1 #2).
    return {
      approve: otherButtons,
      return: otherButtons,
      submit,
      view,
      approveModification: otherButtons,
      returnModification: otherButtons,
    };
  }
  const notModification = { allowed: false, reason: MESSAGES.newSiteReviewPage };
  return {
    approve: fromDecision(decide(snapshot, actor, 'APPROVE')),
    // The reason is asked for in the dialog; any non-empty text checks the rest of the rule.
    return: fromDecision(decide(snapshot, actor, 'RETURN', '退回')),
    submit,
    view,
    approveModification: notModification,
    returnModification: notModification,
  };
}

function provinceOf(row: SiteListRow): string {
  // The root (国务院办公厅) fills the 部委 column for its own sites, as the org-code lookup does.
  return row.orgLevel === 0 ? row.orgName : (row.level1Name ?? '');
}

/** 列表状态 of a record that is not (yet) a site: it has no run status, and a blank cell read as missing data. */
export const APPLICATION_LIST_STATUS = { APPLYING: '申请中', WITHDRAWN: '申请已撤回' } as const;

/** 列表状态: the run-status text the organizing unit sees; for an application, that it is one. */
export function listStatusText(row: Pick<SiteListRow, 'runStatus' | 'runStatusUntil'>): string {
  if (row.runStatus === 'APPLYING' || row.runStatus === 'WITHDRAWN') return APPLICATION_LIST_STATUS[row.runStatus];
  const until = row.runStatusUntil ?? undefined;
  return runStatusText({
    side: 'ORG',
    status: row.runStatus,
    restoreDate: row.runStatus === 'TEMP_OFFLINE' ? until : undefined,
    onlineDate: row.runStatus === 'EMERGENCY_OFFLINE' ? until : undefined,
  });
}

/** `overdueBefore`: steps entered before it are 「逾期」 (from the deadline rule; absent = not computed). */
/** Every request the row shows, each with its own 申报状态 and abilities (src/domain/open-requests.ts). */
function presentRequests(row: SiteListRow, viewerOrg: string): SiteRowView['requests'] {
  return requestViews(row.requests, viewerOrg).map((v) => ({
    ...wireRequest(v.request),
    kind: v.kind,
    open: v.open,
    orgStatus: v.orgStatus,
    abilities: v.abilities,
  }));
}

function wireRequest(r: ListRequest): NonNullable<SiteRowView['request']> {
  return {
    id: r.id,
    type: r.type,
    typeLabel: REQUEST_TYPE_LABELS[r.type],
    state: r.state,
    version: r.version,
    stepIndex: r.stepIndex,
    chain: r.chain,
    currentOrg: r.currentOrg,
  };
}

export function presentRow(row: SiteListRow, viewerOrg: string, overdueBefore?: Date): SiteRowView {
  const request = row.request;
  const requests = presentRequests(row, viewerOrg);
  // 逾期: any open step of the row waiting past the deadline.
  const overdue = row.requests.some(
    (r) => r.currentOrg !== null && r.stepEnteredAt !== undefined && overdueBefore && r.stepEnteredAt < overdueBefore,
  );
  return {
    id: row.id,
    siteCode: row.siteCode,
    name: row.name,
    homeUrl: row.homeUrl,
    orgCode: row.orgCode,
    province: provinceOf(row),
    city: row.level2Name ?? '',
    county: row.level3Name ?? '',
    sponsorName: row.sponsorName,
    isPortal: row.isPortal,
    isServicePlatform: row.isServicePlatform,
    runStatus: row.runStatus,
    listStatus: listStatusText(row),
    orgStatus: orgStatusText(requests),
    updatedAt: row.updatedAt.toISOString(),
    waitingForMe: row.waitingForMe,
    overdue,
    request: request ? wireRequest(request) : null,
    requests,
    abilities: {
      ...rowAbilities(request, viewerOrg),
      resetCheckCode: resetCheckCodeAbility(viewerOrg, row),
    },
  };
}

// A site's 审核流水 in words, as its units or the 填报单位 itself see it (SPEC §12): used by review's record view and
// by the 填报单位 home.
import type { z } from 'zod';
import { MULTI_STEP_TYPES, orgStatusLabel, reporterStatusLabel } from '../../../domain/requests.ts';
import type { Db } from '../../context.ts';
import { listSiteAudit, orgNames } from './repository.ts';
import { type auditTrail, REQUEST_TYPES } from './schema.ts';

type AuditTrail = z.infer<typeof auditTrail>;

const STATE_TEXT: Readonly<Record<string, string>> = {
  DRAFT: '草稿',
  SUBMITTED: '未提交',
  IN_REVIEW: '审核中',
  RETURNED: '审核未通过',
  CODE_PENDING: '已办结（待生成网站标识码）',
  APPROVED: '已通过',
  DONE: '已办结',
  WITHDRAWN: '已撤回',
};

const ACTOR_TEXT: Readonly<Record<string, string>> = { APPLICANT: '申请人', SYSTEM: '系统', SITE: '填报单位' };

/** A state of a single-step request (基本信息修改, flags, 其他域名) in the words of SPEC §7.8, as `side` sees it. */
function changeStateText(type: unknown, state: string, side: 'ORG' | 'REPORTER'): string | undefined {
  const known = REQUEST_TYPES.find((t) => t === type);
  const decided = (['SUBMITTED', 'IN_REVIEW', 'RETURNED', 'DONE'] as const).find((s) => s === state);
  if (!known || MULTI_STEP_TYPES.has(known) || !decided) return undefined;
  const snapshot = { type: known, state: decided, chain: [], stepIndex: 0 };
  return side === 'ORG' ? orgStatusLabel(snapshot, '') : reporterStatusLabel(snapshot);
}

/** The 审核流水 of a site as shown to its units (`ORG`) or to the 填报单位 itself (`REPORTER`) (SPEC §12). */
export async function auditTrailFor(
  db: Db,
  siteId: number,
  siteCode: string | null,
  side: 'ORG' | 'REPORTER' = 'ORG',
): Promise<AuditTrail['items']> {
  const entries = await listSiteAudit(db, siteId, siteCode);
  const stepOrgs = entries.flatMap((e) => [e.data?.fromOrg, e.data?.toOrg]).filter((c) => typeof c === 'string');
  const names = await orgNames(db, stepOrgs);
  const stateText = (state: string | null, org: unknown, type: unknown): string => {
    if (!state) return '';
    const change = changeStateText(type, state, side);
    if (change !== undefined) return change;
    const text = STATE_TEXT[state];
    if (text === undefined) return state; // written by another module as a label already
    const orgName = typeof org === 'string' ? names.get(org) : undefined;
    return state === 'IN_REVIEW' && orgName ? `待${orgName}审核` : text;
  };
  return entries.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    unitName: e.unitName ?? ACTOR_TEXT[e.actorType] ?? '',
    person: e.actorName ?? '',
    action: e.action,
    from: stateText(e.fromState, e.data?.fromOrg, e.data?.type),
    to: stateText(e.toState, e.data?.toOrg, e.data?.type),
    comment: e.comment ?? '',
  }));
}

// 临时码 progress query (SPEC §7.1.3): the contractual text, who holds the application, how long, and who approved.

import { calendarDaysBetween } from '../../../domain/dates.ts';
import { applicantProgressText, decide } from '../../../domain/requests.ts';
import type { AppContext } from '../../context.ts';
import { issuedCredentials } from '../issuance/credentials.ts';
import { toRequestCore } from '../requests/repository.ts';
import { wasClosedStale } from './close-stale.ts';
import { findByTempCode } from './find-by-temp-code.ts';
import { type ApplicationRow, orgsByCode, reviewHistory } from './repository.ts';

export interface ProgressCredentials {
  siteCode: string;
  checkCode: string | null;
  note: string | null;
}

export interface ProgressResponse {
  state: ApplicationRow['state'];
  text: string;
  siteName: string;
  homeUrl: string;
  submittedAt: string;
  resubmittedAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  holder: { code: string; name: string; officePhone: string | null; daysWaiting: number } | null;
  passedSteps: { code: string; name: string; approvedAt: string | null }[];
  chain: { code: string; name: string }[];
  stepIndex: number;
  canResubmit: boolean;
  canWithdraw: boolean;
  credentials: ProgressCredentials | null;
}

/**
 * 网站标识码 and 校验码 of a DONE application, from the issuance module: the code and, until the site's first
 * login, the decrypted 校验码; afterwards a note on how to get it reset (SPEC §4.2).
 */
export async function progressCredentials(ctx: AppContext, row: ApplicationRow): Promise<ProgressCredentials | null> {
  const issued = await issuedCredentials(ctx.db, ctx.keys, row.site_id);
  if (!issued) return null;
  return issued.checkCode === null
    ? { siteCode: issued.siteCode, checkCode: null, note: issued.note }
    : { siteCode: issued.siteCode, checkCode: issued.checkCode, note: null };
}

/** The progress answer for an application already found by its 临时码. */
export async function buildProgressResponse(ctx: AppContext, row: ApplicationRow): Promise<ProgressResponse> {
  const now = ctx.clock.now();
  const orgs = await orgsByCode(ctx.db, row.chain);
  const ref = (code: string) => ({ code, name: orgs.get(code)?.name ?? code });
  const snapshot = toRequestCore(row);

  const finished = row.state === 'CODE_PENDING' || row.state === 'DONE';
  // A returned application keeps the step of the unit that returned it; the units before it had approved.
  const passedCount = finished
    ? row.chain.length
    : row.state === 'IN_REVIEW' || row.state === 'RETURNED'
      ? row.step_index
      : 0;
  const history = await reviewHistory(ctx.db, row.id);
  const passedSteps = row.chain.slice(0, passedCount).map((code) => {
    const at = history.approvals.get(code);
    return { ...ref(code), approvedAt: at ? at.toISOString() : null };
  });

  let holder: ProgressResponse['holder'] = null;
  if (row.current_org !== null) {
    const org = orgs.get(row.current_org);
    holder = {
      ...ref(row.current_org),
      // The unit's public contact: its first 联系人's office phone.
      officePhone: org?.contacts[0]?.officePhone || null,
      daysWaiting: Math.max(0, calendarDaysBetween(new Date(row.step_entered_at), now)),
    };
  }

  return {
    state: row.state,
    text: applicantProgressText(
      {
        state: row.state,
        returnReason: row.return_reason,
        finalApprovedAt: row.final_approved_at ? new Date(row.final_approved_at) : null,
        closedStale: row.state === 'WITHDRAWN' && (await wasClosedStale(ctx.db, row.id)),
      },
      now,
    ),
    siteName: row.site_name,
    homeUrl: row.home_url,
    submittedAt: new Date(row.submitted_at).toISOString(),
    resubmittedAt: history.resubmittedAt?.toISOString() ?? null,
    returnedAt: row.state === 'RETURNED' ? (history.returnedAt?.toISOString() ?? null) : null,
    returnReason: row.state === 'RETURNED' ? row.return_reason : null,
    holder,
    passedSteps,
    chain: row.chain.map(ref),
    stepIndex: row.step_index,
    canResubmit: decide(snapshot, { kind: 'REQUESTER' }, 'SUBMIT').ok && row.state === 'RETURNED',
    canWithdraw: decide(snapshot, { kind: 'REQUESTER' }, 'WITHDRAW').ok,
    credentials: row.state === 'DONE' ? await progressCredentials(ctx, row) : null,
  };
}

export async function queryProgress(ctx: AppContext, tempCode: string, ip: string): Promise<ProgressResponse> {
  return buildProgressResponse(ctx, await findByTempCode(ctx, tempCode, ip));
}

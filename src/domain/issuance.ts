// The daily 网站标识码 batch as pure rules (SPEC §4.1, §4.2, §7.1.4): its cut-off, catch-up, predicted codes,
// who may log in as 填报单位 and who may reset a 校验码.
import type { Ability } from './ability.ts';
import { addDays, formatDateCN, shanghaiTimeOn } from './dates.ts';
import { formatSiteCode, MAX_SITE_SEQUENCE, SiteSequenceOverflowError } from './org-code.ts';
import type { RegisterRunStatus } from './run-status.ts';
import { CODE_BATCH_HOUR } from './status-labels.ts';

/** How a batch run was started; stored in the ledger. */
export const ISSUANCE_TRIGGERS = ['SCHEDULE', 'STARTUP', 'MANUAL', 'CLI'] as const;
export type IssuanceTrigger = (typeof ISSUANCE_TRIGGERS)[number];
/** Status of one batch run in the ledger (issuance_runs.status). */
export const ISSUANCE_RUN_STATUSES = ['RUNNING', 'DONE', 'FAILED', 'SKIPPED'] as const;
export type IssuanceRunStatus = (typeof ISSUANCE_RUN_STATUSES)[number];

/**
 * The cut-off of a batch run at `now`: the most recent 16:00:00 Asia/Shanghai at or before `now`. Every run — the
 * scheduled one, the start-up catch-up and a manual one — issues exactly the applications whose final approval came
 * before it, so an approval at or after 16:00:00 always waits for the next day's batch (SPEC §7.1.4).
 */
export function batchCutoffAt(now: Date): Date {
  const day = formatDateCN(now);
  const today = shanghaiTimeOn(day, CODE_BATCH_HOUR);
  return now.getTime() >= today.getTime() ? today : shanghaiTimeOn(addDays(day, -1), CODE_BATCH_HOUR);
}

/** Is an application finally approved at `finalApprovedAt` issued by a batch with this cut-off? Strictly before. */
export function isDueAtCutoff(finalApprovedAt: Date, cutoff: Date): boolean {
  return finalApprovedAt.getTime() < cutoff.getTime();
}

/**
 * Start-up catch-up: a 16:00 that passed while the server was down. Due when no successful (non-dry) run has yet
 * covered the most recent cut-off.
 */
export function needsCatchUp(lastSuccessfulCutoff: Date | null, now: Date): boolean {
  return lastSuccessfulCutoff === null || lastSuccessfulCutoff.getTime() < batchCutoffAt(now).getTime();
}

export interface PendingForPreview {
  requestId: number;
  orgCode: string;
}

export type PredictedCode = { requestId: number; siteCode: string; seq: number } | { requestId: number; error: string };

/**
 * The codes a batch would hand out, in processing order: per org, the numbers after `lastSeq` (0 when the org has
 * none yet). An org that runs past 9999 gets the overflow message instead, for that application only.
 */
export function predictSiteCodes(
  pending: readonly PendingForPreview[],
  lastSeq: ReadonlyMap<string, number>,
): PredictedCode[] {
  const next = new Map(lastSeq);
  return pending.map(({ requestId, orgCode }) => {
    const seq = (next.get(orgCode) ?? 0) + 1;
    if (seq > MAX_SITE_SEQUENCE) {
      return { requestId, error: new SiteSequenceOverflowError(orgCode, seq).message };
    }
    next.set(orgCode, seq);
    return { requestId, siteCode: formatSiteCode(orgCode, seq), seq };
  });
}

/** Why a site cannot log in as 填报单位, or null if it can. */
export function siteLoginBlockedReason(runStatus: RegisterRunStatus): string | null {
  switch (runStatus) {
    case 'DELETED':
      return '该网站已被删除，不能登录；如有疑问请联系本级组织单位';
    case 'APPLYING':
    case 'WITHDRAWN':
      return '该网站尚未生成网站标识码，不能登录';
    default:
      return null;
  }
}

/**
 * 重置校验码 (SPEC §4.2, §8.1 #10): only the site's 本级组织单位, only for an issued, non-deleted site. The caller has
 * already established that the site is inside the actor's subtree (outside it the site does not exist for them).
 */
export function resetCheckCodeAbility(
  actorOrgCode: string,
  site: { orgCode: string; orgName: string; siteCode: string | null; runStatus: RegisterRunStatus },
): Ability {
  if (site.orgCode !== actorOrgCode) {
    return {
      allowed: false,
      reason: `只有该网站的本级组织单位（${site.orgName}）可以重置校验码`,
    };
  }
  if (site.siteCode === null) return { allowed: false, reason: '该网站尚未生成网站标识码，没有校验码' };
  if (site.runStatus === 'DELETED') return { allowed: false, reason: '该网站已被删除，不能重置校验码' };
  return { allowed: true };
}

/** The progress query's note once the 校验码 has been used (SPEC §4.2 Decided). */
export function checkCodeUsedNote(firstLoginAt: Date): string {
  return `校验码已于 ${formatDateCN(firstLoginAt)} 首次登录时使用；如遗失，请联系本级组织单位重置校验码`;
}

/** The progress query's note when the 本级组织单位 reset the 校验码 before any login (no copy is kept then). */
export const CHECK_CODE_RESET_NOTE = '校验码已由本级组织单位重置，请向本级组织单位获取新的校验码';

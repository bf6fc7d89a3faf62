// 预览 (dry run): which applications a batch run now would issue, with the code each would get, and which wait.
import { predictSiteCodes } from '../../../domain/issuance.ts';
import { nextCodeBatchAt } from '../../../domain/status-labels.ts';
import type { Db } from '../../context.ts';
import { lastSequences, listDueApplications, listWaitingApplications, type PendingApplication } from './repository.ts';

export interface PreviewItem extends PendingApplication {
  /** The 标识码 it would get, or null with `error` (org past 9999). */
  siteCode: string | null;
  error: string | null;
}

export interface WaitingItem extends PendingApplication {
  /** The batch that will issue it (16:00 of the approval day, or the next day). */
  scheduledAt: Date;
}

export interface IssuancePreview {
  cutoff: Date;
  /** Applications due now, in the order the batch would issue them. */
  total: number;
  items: PreviewItem[];
  waitingTotal: number;
  /** The first `waitingLimit` of them. */
  waiting: WaitingItem[];
}

/** Codes are predicted from the current sequences; a run that starts meanwhile may hand out other numbers. */
export async function previewIssuance(db: Db, cutoff: Date, waitingLimit = 500): Promise<IssuancePreview> {
  const due = await listDueApplications(db, cutoff);
  const sequences = await lastSequences(
    db,
    due.map((a) => a.orgCode),
  );
  const predicted = predictSiteCodes(
    due.map((a) => ({ requestId: a.requestId, orgCode: a.orgCode })),
    sequences,
  );
  const items = due.map((app, i) => {
    const p = predicted[i];
    return {
      ...app,
      siteCode: p && 'siteCode' in p ? p.siteCode : null,
      error: p && 'error' in p ? p.error : null,
    };
  });
  const waiting = await listWaitingApplications(db, cutoff, waitingLimit);
  return {
    cutoff,
    total: due.length,
    items,
    waitingTotal: waiting.total,
    waiting: waiting.items.map((w) => ({ ...w, scheduledAt: nextCodeBatchAt(w.finalApprovedAt) })),
  };
}

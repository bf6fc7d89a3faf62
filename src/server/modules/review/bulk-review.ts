// 当页数据全部审核 and 当页数据全部提交 (SPEC §8.1 1.2–1.3, §16 items 18 and 25): the current page's new-site
// requests, each in its own transaction, with a result per row; a refused row is reported, never half-applied.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { bulkApproveRefusal, bulkSubmitRefusal } from '../../../domain/open-requests.ts';
import type { RequestSnapshot } from '../../../domain/requests.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { findVisibleRequest } from '../requests/repository.ts';
import { reviewRequest } from './decide-request.ts';
import type { BulkResult } from './schema.ts';

type BulkAction = 'APPROVE' | 'SUBMIT_ALL';

async function bulkReview(
  ctx: AppContext,
  actor: OrgActor,
  ids: readonly number[],
  action: BulkAction,
  ip: string | null,
  /** Why a row is skipped, in the words of the list's 申报状态 (src/domain/open-requests.ts). */
  refusal: (req: RequestSnapshot, viewerOrg: string) => string | null,
): Promise<BulkResult> {
  const results: BulkResult['results'] = [];
  for (const id of [...new Set(ids)]) {
    const req = await findVisibleRequest(ctx.db, { orgCode: actor.orgCode, orgPath: actor.orgPath }, id);
    if (!req) {
      results.push({ id, siteName: '', result: 'skipped', reason: MESSAGES.requestNotFound });
      continue;
    }
    const snapshot = { type: req.type, state: req.state, chain: req.chain, stepIndex: req.stepIndex };
    const refused = refusal(snapshot, actor.orgCode);
    if (refused) {
      results.push({ id, siteName: req.siteName, result: 'skipped', reason: refused });
      continue;
    }
    try {
      // The version read here makes a row changed by someone else in between a conflict, not a second action.
      const outcome = await reviewRequest(ctx, { actor, id, action, expectedVersion: req.version, ip, bulk: true });
      results.push({ id, siteName: outcome.siteName, result: 'done' });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, siteName: req.siteName, result: 'skipped', reason: error.message });
    }
  }
  const done = results.filter((r) => r.result === 'done').length;
  return { done, skipped: results.length - done, results };
}

/** 当页数据全部审核: approves the rows 「未审核」 at the caller's unit; 「未提交」 rows need 提交 or a single 审核. */
export function bulkApprove(ctx: AppContext, actor: OrgActor, ids: readonly number[], ip: string | null) {
  return bulkReview(ctx, actor, ids, 'APPROVE', ip, bulkApproveRefusal);
}

/** 当页数据全部提交: moves the rows 「未提交」 at the caller's unit into the chain without approving them. */
export function bulkSubmit(ctx: AppContext, actor: OrgActor, ids: readonly number[], ip: string | null) {
  return bulkReview(ctx, actor, ids, 'SUBMIT_ALL', ip, bulkSubmitRefusal);
}

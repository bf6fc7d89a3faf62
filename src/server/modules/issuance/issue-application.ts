// Issues one application's 网站标识码 and 校验码 in its own transaction: all of it happens, or none of it.
import { generateCheckCode } from '../../../domain/codes.ts';
import { formatSiteCode, MAX_SITE_SEQUENCE, SiteSequenceOverflowError } from '../../../domain/org-code.ts';
import { decide } from '../../../domain/requests.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext } from '../../context.ts';
import { hashSecret } from '../../passwords.ts';
import { queueRequestEvent } from '../notifications/queue-request-event.ts';
import { encryptCheckCode } from './check-code-cipher.ts';
import {
  allocateSequence,
  lockRequest,
  markRequestDone,
  markSiteIssued,
  type PendingApplication,
} from './repository.ts';

/** A 校验码 with its hash and encrypted copy, made before the transaction (argon2 is slow; transactions stay short). */
export interface PreparedCheckCode {
  hash: string;
  enc: string;
}

export async function prepareCheckCode(ctx: AppContext, siteId: number): Promise<PreparedCheckCode> {
  const checkCode = generateCheckCode();
  return { hash: await hashSecret(checkCode), enc: encryptCheckCode(ctx.keys, siteId, checkCode) };
}

export type IssueOutcome =
  | { kind: 'ISSUED'; siteCode: string; seq: number }
  /** Another worker holds the row, or it is no longer waiting for a code (issued already, changed meanwhile). */
  | { kind: 'SKIPPED'; reason: string };

/** Thrown inside the transaction to roll it back when a write finds the row changed under it. */
class ConcurrentChange extends Error {}

/**
 * The per-application step of the batch. Throws SiteSequenceOverflowError (org past 9999) and database errors; the
 * transaction is rolled back then, so the sequence number is not consumed.
 */
export async function issueApplication(
  ctx: AppContext,
  app: PendingApplication,
  checkCode: PreparedCheckCode,
): Promise<IssueOutcome> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const req = await lockRequest(trx, app.requestId);
      if (!req) return { kind: 'SKIPPED', reason: '该申请正由另一生成任务处理' };
      const decision = decide(req, { kind: 'SYSTEM' }, 'ISSUE');
      if (!decision.ok) return { kind: 'SKIPPED', reason: decision.reason };

      const seq = await allocateSequence(trx, app.orgCode);
      if (seq === null) throw new SiteSequenceOverflowError(app.orgCode, MAX_SITE_SEQUENCE + 1);
      const siteCode = formatSiteCode(app.orgCode, seq);
      const at = ctx.clock.now();
      const siteDone = await markSiteIssued(trx, {
        id: req.siteId,
        siteCode,
        at,
        checkCodeHash: checkCode.hash,
        checkCodeEnc: checkCode.enc,
      });
      if (!siteDone) throw new ConcurrentChange('该网站记录已不是待生成标识码的申请');
      const requestDone = await markRequestDone(trx, {
        id: req.id,
        stepIndex: req.stepIndex,
        version: req.version,
        at,
      });
      if (!requestDone) throw new ConcurrentChange('该申请已被其他操作处理');
      await writeAudit(trx, at, 'SYSTEM', {
        action: '生成标识码',
        entityType: 'REQUEST',
        entityId: String(req.id),
        siteCode,
        requestId: req.id,
        fromState: req.state,
        toState: decision.next.state,
        data: { orgCode: app.orgCode, seq },
      });
      // The 标识码 (never the 校验码) to the site's people, committed with the issuance (issue 9).
      await queueRequestEvent(trx, { type: 'ISSUED', requestId: req.id, at });
      return { kind: 'ISSUED', siteCode, seq };
    });
  } catch (error) {
    if (error instanceof ConcurrentChange) return { kind: 'SKIPPED', reason: error.message };
    throw error;
  }
}

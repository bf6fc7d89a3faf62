// Issues 网站标识码 and 校验码: a chunk of applications in one transaction (the batch's usual path), or one
// application in its own (the fallback that pins down which one failed). Either way all of it happens, or none.
import { generateCheckCode } from '../../../domain/codes.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { formatSiteCode, MAX_SITE_SEQUENCE, SiteSequenceOverflowError } from '../../../domain/org-code.ts';
import { decide, type NextState } from '../../../domain/requests.ts';
import type { AuditEntry } from '../../audit.ts';
import type { AppContext } from '../../context.ts';
import { applyTransition, applyTransitions } from '../../lifecycle/request-transition.ts';
import { hashCheckCode } from '../../passwords.ts';
import { queueIssuedEvents, queueRequestEvent } from '../notifications/queue-request-event.ts';
import { encryptCheckCode } from './check-code-cipher.ts';
import { allocateSequences, lockRequests, markSitesIssued } from './chunk-repository.ts';
import {
  allocateSequence,
  type LockedRequest,
  lockRequest,
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
  return { hash: await hashCheckCode(checkCode), enc: encryptCheckCode(ctx.keys, siteId, checkCode) };
}

export type IssueOutcome =
  | { kind: 'ISSUED'; siteCode: string; seq: number }
  /** Another worker holds the row, or it is no longer waiting for a code (issued already, changed meanwhile). */
  | { kind: 'SKIPPED'; reason: string };

/** The 审核流水 entry 「生成标识码」 of one application. */
function issuedAuditEntry(x: {
  app: PendingApplication;
  req: LockedRequest;
  next: string;
  seq: number;
  siteCode: string;
}): AuditEntry {
  return {
    kind: 'CODE_ISSUED',
    entityType: 'REQUEST',
    entityId: String(x.req.id),
    siteCode: x.siteCode,
    requestId: x.req.id,
    fromState: x.req.state,
    toState: x.next,
    data: { orgCode: x.app.orgCode, seq: x.seq },
  };
}

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
      if (!req) return { kind: 'SKIPPED', reason: MESSAGES.issuanceHeldElsewhere };
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
      const requestDone = await applyTransition(trx, {
        request: req,
        action: 'ISSUE',
        next: decision.next,
        now: at,
        audit: {
          actor: 'SYSTEM',
          ip: null,
          entry: issuedAuditEntry({ app, req, next: decision.next.state, seq, siteCode }),
        },
      });
      if (!requestDone) throw new ConcurrentChange('该申请已被其他操作处理');
      // The 标识码 (never the 校验码) to the site's people, committed with the issuance (issue 9).
      await queueRequestEvent(trx, { type: 'ISSUED', requestId: req.id, at });
      return { kind: 'ISSUED', siteCode, seq };
    });
  } catch (error) {
    if (error instanceof ConcurrentChange) return { kind: 'SKIPPED', reason: error.message };
    throw error;
  }
}

/** Thrown inside a chunk's transaction to roll all of it back; the caller then issues the chunk one by one. */
class ChunkNotIssued extends Error {}

/**
 * Issues a chunk of applications in one transaction, with one statement per step for all of them (issue 11: the
 * per-application transaction took ten round trips each). Applications another worker holds or that no longer wait
 * come back SKIPPED, as from `issueApplication`. Anything else unusual — an org past 9999, a row changed under the
 * chunk, a database error — rolls the whole chunk back and throws ChunkNotIssued (or the database error): the
 * caller runs the chunk through `issueApplication`, which issues the others and reports the one that failed. So
 * each application is still issued completely or not at all, and a rollback consumes no sequence number.
 */
export async function issueChunk(
  ctx: AppContext,
  apps: readonly PendingApplication[],
  checkCodes: readonly PreparedCheckCode[],
): Promise<IssueOutcome[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockRequests(
      trx,
      apps.map((a) => a.requestId),
    );
    const outcomes: IssueOutcome[] = [];
    const issuing: { index: number; app: PendingApplication; req: LockedRequest; decided: NextState; next: string }[] =
      [];
    for (const [index, app] of apps.entries()) {
      const req = locked.get(app.requestId);
      if (!req) {
        outcomes[index] = { kind: 'SKIPPED', reason: MESSAGES.issuanceHeldElsewhere };
        continue;
      }
      const decision = decide(req, { kind: 'SYSTEM' }, 'ISSUE');
      if (!decision.ok) outcomes[index] = { kind: 'SKIPPED', reason: decision.reason };
      else issuing.push({ index, app, req, decided: decision.next, next: decision.next.state });
    }
    if (issuing.length === 0) return outcomes;

    const counts = new Map<string, number>();
    for (const { app } of issuing) counts.set(app.orgCode, (counts.get(app.orgCode) ?? 0) + 1);
    const last = await allocateSequences(trx, counts);
    if (last.size !== counts.size) throw new ChunkNotIssued('某组织单位的网站标识码序号将超过 9999');
    // Each org's numbers in the order of the batch (approval time, then id), as one at a time would give them.
    const taken = new Map<string, number>();
    const at = ctx.clock.now();
    const issued = issuing.map((item) => {
      const n = (taken.get(item.app.orgCode) ?? 0) + 1;
      taken.set(item.app.orgCode, n);
      const seq = last.get(item.app.orgCode)! - counts.get(item.app.orgCode)! + n;
      return { ...item, seq, siteCode: formatSiteCode(item.app.orgCode, seq) };
    });

    const sites = await markSitesIssued(
      trx,
      at,
      issued.map(({ index, req, siteCode }) => ({
        id: req.siteId,
        siteCode,
        checkCodeHash: checkCodes[index]!.hash,
        checkCodeEnc: checkCodes[index]!.enc,
      })),
    );
    if (sites.length !== issued.length) throw new ChunkNotIssued('网站记录已不是待生成标识码的申请');
    // CODE_PENDING → DONE for the whole chunk in one statement, with the 审核流水 entries in one more.
    const requests = await applyTransitions(trx, {
      action: 'ISSUE',
      now: at,
      actor: 'SYSTEM',
      items: issued.map((item) => ({ request: item.req, next: item.decided, entry: issuedAuditEntry(item) })),
    });
    if (requests.size !== issued.length) throw new ChunkNotIssued('申请已被其他操作处理');
    // The sites as the UPDATE left them: the mails and notices need no further read.
    const bySite = new Map(sites.map((site) => [site.id, site]));
    await queueIssuedEvents(
      trx,
      issued.map(({ req }) => {
        const site = bySite.get(req.siteId)!;
        return { requestId: req.id, type: req.type, siteId: site.id, ...site };
      }),
      at,
    );
    for (const { index, siteCode, seq } of issued) outcomes[index] = { kind: 'ISSUED', siteCode, seq };
    return outcomes;
  });
}

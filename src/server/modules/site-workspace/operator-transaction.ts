// The frame of every state-changing call of the 填报单位: one transaction holding the site row lock, the site's
// request state read inside it, and a request filed concurrently elsewhere turned into the same 409 as a sequential one.

import type { z } from 'zod';
import type { RequestType } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { reporterStatusLabel } from '../../../domain/requests.ts';
import { type AuditEntry, writeAudit } from '../../audit.ts';
import type { AppContext, SiteActor, Trx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { uniqueViolation } from '../applications/repository.ts';
import { queueRequestEvent } from '../notifications/queue-request-event.ts';
import {
  type ChangeType,
  findOperatorSite,
  insertRequest,
  lockOperatorSite,
  type OperatorSite,
  orgContacts,
} from './repository.ts';
import type { filedRequest } from './schema.ts';
import { newRequestRefusal } from './site-abilities.ts';
import { type LoadedState, loadSiteState } from './site-state.ts';

export type FiledRequest = z.infer<typeof filedRequest>;

export async function inOperatorTransaction<T>(
  ctx: AppContext,
  actor: SiteActor,
  work: (trx: Trx, site: OperatorSite, loaded: LoadedState) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const site = await lockOperatorSite(trx, actor.siteCode);
      if (!site) throw notFound(MESSAGES.siteNotFound);
      return work(trx, site, await loadSiteState(trx, site));
    });
  } catch (error) {
    if (uniqueViolation(error) !== 'requests_one_open_idx') throw error;
    // Another request of this site was filed at the same moment (e.g. an offline request): say which one.
    const site = await findOperatorSite(ctx.db, actor.siteCode);
    const loaded = site ? await loadSiteState(ctx.db, site) : null;
    const reason = loaded ? newRequestRefusal(loaded.state) : null;
    throw new AppError('CONFLICT', reason ?? MESSAGES.siteHasOpenRequest);
  }
}

export interface OperatorAuditInput {
  verb: 'FILE' | 'WITHDRAW';
  type: RequestType;
  requestId: number;
  site: OperatorSite;
  fromState: string | null;
  toState: string;
  toOrg?: string | null;
  now: Date;
  ip: string | null;
}

/** The 审核流水 entry of the operator's 提交 / 撤回 (SPEC §12). */
export function operatorAuditEntry(e: OperatorAuditInput): AuditEntry {
  return {
    kind: e.verb === 'FILE' ? 'OPERATOR_REQUEST_FILED' : 'OPERATOR_REQUEST_WITHDRAWN',
    requestType: e.type,
    entityType: 'REQUEST',
    entityId: String(e.requestId),
    siteCode: e.site.siteCode,
    requestId: e.requestId,
    fromState: e.fromState,
    toState: e.toState,
    data: { type: e.type, ...(e.toOrg ? { toOrg: e.toOrg } : {}) },
  };
}

/** A filed request reaches its reviewer: mailed in the transaction that filed it (issue 9). */
export async function queueSubmitted(trx: Trx, e: Pick<OperatorAuditInput, 'verb' | 'requestId' | 'now'>) {
  if (e.verb === 'FILE') await queueRequestEvent(trx, { type: 'SUBMITTED', requestId: e.requestId, at: e.now });
}

/** The 审核流水 entry of a newly filed request, in the transaction that inserted it. */
export async function auditOperatorAction(trx: Trx, actor: SiteActor, e: OperatorAuditInput): Promise<void> {
  await writeAudit(trx, e.now, actor, operatorAuditEntry(e), e.ip);
  await queueSubmitted(trx, e);
}

export interface FileRequestInput {
  type: Exclude<ChangeType, 'MODIFY'>;
  site: OperatorSite;
  reviewer: string;
  payload: Record<string, unknown>;
  now: Date;
  ip: string | null;
}

/** Files a flag or 其他域名 request SUBMITTED to its reviewer, with its 审核流水 entry. */
export async function fileRequest(trx: Trx, actor: SiteActor, r: FileRequestInput): Promise<FiledRequest> {
  const row = await insertRequest(trx, {
    type: r.type,
    state: 'SUBMITTED',
    siteId: r.site.id,
    orgCode: r.site.orgCode,
    isPortal: r.site.isPortal,
    reviewer: r.reviewer,
    payload: r.payload,
    at: r.now,
  });
  await auditOperatorAction(trx, actor, {
    verb: 'FILE',
    type: r.type,
    requestId: row.id,
    site: r.site,
    fromState: null,
    toState: 'SUBMITTED',
    toOrg: r.reviewer,
    now: r.now,
    ip: r.ip,
  });
  const reviewerName = (await orgContacts(trx, [r.reviewer])).get(r.reviewer)?.name ?? r.reviewer;
  return {
    requestId: row.id,
    type: r.type,
    state: 'SUBMITTED',
    statusLabel: reporterStatusLabel({ type: r.type, state: 'SUBMITTED', chain: [r.reviewer], stepIndex: 0 }),
    version: row.version,
    reviewerName,
  };
}

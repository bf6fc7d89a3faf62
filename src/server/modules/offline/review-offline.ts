// 下线审核 通过 / 驳回 of one offline request: decide() on the row read in the transaction, the compare-and-set on
// (id, state, step_index, version), the 审核流水 entry, and on the chain's last word the run-status change:
// 临时 → TEMP_OFFLINE from its start day, 永久 → PERM_OFFLINE_PENDING, 紧急 驳回 → back to NORMAL (flagged).
import { todayCN } from '../../../domain/offline.ts';
import { currentOrgOf, decide, orgStatusLabel, type RequestAction } from '../../../domain/requests.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor, Trx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decisionEvent, queueRequestEvent } from '../notifications/queue-request-event.ts';
import { compareAndSetRequest, touchSite } from '../requests/repository.ts';
import { decisionAuditEntry } from '../review/decision-audit.ts';
import { findVisibleOffline, type OfflineListRow } from './list-repository.ts';
import { orgListStatus, snapshotOf } from './present.ts';
import { endOffline, findDetail, lockSite, markStarted, type SiteState, setRejected } from './repository.ts';
import { changeRunStatus } from './run-status.ts';
import { startTempIfDue } from './start-temp-offline.ts';

export type OfflineDecision = Extract<RequestAction, 'APPROVE' | 'RETURN'>;

const STATE_CONFLICT = '该申请已被其他人处理，请刷新后查看';

export interface ReviewOfflineInput {
  actor: OrgActor;
  id: number;
  action: OfflineDecision;
  reason?: string;
  expectedVersion?: number;
  ip: string | null;
}

interface Effect {
  trx: Trx;
  req: OfflineListRow;
  site: SiteState;
  actor: OrgActor;
  now: Date;
  ip: string | null;
  reason?: string;
}

/** The chain's final 通过. */
async function onFinalApproval({ trx, req, site, actor, now, ip }: Effect): Promise<void> {
  const detail = await findDetail(trx, req.id);
  if (!detail) return;
  if (req.kind === 'TEMP') {
    await startTempIfDue(trx, { site, detail, today: todayCN(now), now, actor, ip });
  } else if (req.kind === 'PERM') {
    // An approved closure supersedes a temporary or emergency offline in effect.
    if (site.runStatus === 'DELETED' || site.runStatus === 'PERM_OFFLINE' || site.runStatus === 'PERM_OFFLINE_PENDING')
      return;
    await endOffline(trx, { siteId: site.id, now, endKind: 'SUPERSEDED' });
    const changed = await changeRunStatus(trx, {
      site,
      to: 'PERM_OFFLINE_PENDING',
      until: null,
      now,
      actor,
      action: '下线申请通过',
      requestId: req.id,
      comment: '永久下线申请审核通过，待填报单位完成下线',
      ip,
    });
    if (!changed) throw new AppError('STATE_CONFLICT', STATE_CONFLICT);
    await markStarted(trx, req.id, now);
  }
  // 紧急下线: 通过 is the acknowledgement; nothing else changes.
}

/** 驳回 of an emergency offline: the supervisor disagrees, so the site must run again (SPEC §7.6.4). */
async function onEmergencyRejected({ trx, req, site, actor, now, ip, reason }: Effect): Promise<void> {
  await setRejected(trx, req.id);
  const detail = await findDetail(trx, req.id);
  if (!detail?.startedAt || detail.endedAt || site.runStatus !== 'EMERGENCY_OFFLINE') return;
  await endOffline(trx, { siteId: site.id, now, endKind: 'REJECTED', requestId: req.id });
  const changed = await changeRunStatus(trx, {
    site,
    to: 'NORMAL',
    until: null,
    now,
    actor,
    action: '恢复正常',
    requestId: req.id,
    comment: `紧急下线被驳回，网站须恢复运行：${reason ?? ''}`,
    ip,
  });
  if (!changed) throw new AppError('STATE_CONFLICT', STATE_CONFLICT);
}

export async function reviewOffline(ctx: AppContext, input: ReviewOfflineInput) {
  const { actor, action } = input;
  const reason = input.reason?.trim();
  if (action === 'RETURN' && !reason) throw new AppError('VALIDATION_FAILED', '驳回必须填写原因');
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const req = await findVisibleOffline(trx, viewer, input.id);
    if (!req) throw notFound('下线申请');
    if (input.expectedVersion !== undefined && input.expectedVersion !== req.version) {
      throw new AppError('STATE_CONFLICT', STATE_CONFLICT);
    }
    const snapshot = snapshotOf(req);
    const decision = decide(snapshot, { kind: 'ORG', orgCode: actor.orgCode }, action, reason);
    if (!decision.ok) {
      const current = currentOrgOf(snapshot);
      throw new AppError(current !== null && current !== actor.orgCode ? 'FORBIDDEN' : 'CONFLICT', decision.reason);
    }
    const next = decision.next;
    // Serialises with the job and the operator's own actions on the same site.
    const site = await lockSite(trx, req.siteId);
    if (!site) throw notFound('网站');
    const from = { state: req.state, stepIndex: req.stepIndex, version: req.version };
    if (!(await compareAndSetRequest(trx, { id: req.id, from, next, now, returnReason: reason }))) {
      throw new AppError('STATE_CONFLICT', STATE_CONFLICT);
    }
    await writeAudit(
      trx,
      now,
      actor,
      decisionAuditEntry({ ...req, ...snapshot }, next, {
        label: action === 'APPROVE' ? '审核通过' : '驳回',
        refused: action === 'RETURN',
        reason,
      }),
      input.ip,
    );
    const event = decisionEvent({ action, requestId: req.id, at: now, byOrg: actor.orgCode, reason });
    if (event) await queueRequestEvent(trx, event);
    await touchSite(trx, site.id, now);
    const effect: Effect = { trx, req, site, actor, now, ip: input.ip, reason };
    if (next.finalApproval) await onFinalApproval(effect);
    if (action === 'RETURN' && req.kind === 'EMERGENCY') await onEmergencyRejected(effect);
    const after = await lockSite(trx, site.id);
    const status = after ?? site;
    return {
      id: req.id,
      state: next.state,
      stepIndex: next.stepIndex,
      version: req.version + 1,
      orgStatus: orgStatusLabel({ ...snapshot, state: next.state, stepIndex: next.stepIndex }, actor.orgCode),
      runStatus: status.runStatus,
      listStatus: orgListStatus({ runStatus: status.runStatus, until: status.until }),
    };
  });
}

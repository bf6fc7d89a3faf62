// What the chain's last word on an offline request does to the site (SPEC §7.6): 临时 → TEMP_OFFLINE from its start
// day, 永久 → PERM_OFFLINE_PENDING, 紧急 驳回 → back to NORMAL. Run by the review core in the decision's transaction.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { offlineKindOf, todayCN } from '../../../domain/offline.ts';
import type { OrgActor, Trx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { endOffline, findDetail, markStarted, type SiteState, setRejected } from './repository.ts';
import { changeRunStatus } from './run-status.ts';
import { startTempIfDue } from './start-temp-offline.ts';

const STATE_CONFLICT = MESSAGES.requestStateConflict;

export interface OfflineEffect {
  trx: Trx;
  request: { id: number; type: Parameters<typeof offlineKindOf>[0] };
  site: SiteState;
  actor: OrgActor;
  now: Date;
  ip: string | null;
  reason?: string | undefined;
}

/** The chain's final 通过. */
export async function offlineApproved({ trx, request, site, actor, now, ip }: OfflineEffect): Promise<void> {
  const detail = await findDetail(trx, request.id);
  if (!detail) return;
  const kind = offlineKindOf(request.type);
  if (kind === 'TEMP') {
    await startTempIfDue(trx, { site, detail, today: todayCN(now), now, actor, ip });
  } else if (kind === 'PERM') {
    // An approved closure supersedes a temporary or emergency offline in effect.
    if (site.runStatus === 'DELETED' || site.runStatus === 'PERM_OFFLINE' || site.runStatus === 'PERM_OFFLINE_PENDING')
      return;
    await endOffline(trx, { siteId: site.id, now, endKind: 'SUPERSEDED' });
    const changed = await changeRunStatus(trx, {
      site,
      cause: 'PERM_OFFLINE_APPROVED',
      until: null,
      now,
      actor,
      requestId: request.id,
      comment: '永久下线申请审核通过，待填报单位完成下线',
      ip,
    });
    if (!changed) throw new AppError('STATE_CONFLICT', STATE_CONFLICT);
    await markStarted(trx, request.id, now);
  }
  // 紧急下线: 通过 is the acknowledgement; nothing else changes.
}

/** 驳回 of an offline request; of an emergency one, the supervisor disagrees, so the site must run again (SPEC §7.6.4). */
export async function offlineReturned({ trx, request, site, actor, now, ip, reason }: OfflineEffect): Promise<void> {
  if (offlineKindOf(request.type) !== 'EMERGENCY') return;
  await setRejected(trx, request.id);
  const detail = await findDetail(trx, request.id);
  if (!detail?.startedAt || detail.endedAt || site.runStatus !== 'EMERGENCY_OFFLINE') return;
  await endOffline(trx, { siteId: site.id, now, endKind: 'REJECTED', requestId: request.id });
  const changed = await changeRunStatus(trx, {
    site,
    cause: 'EMERGENCY_REJECTED',
    until: null,
    now,
    actor,
    requestId: request.id,
    comment: `紧急下线被驳回，网站须恢复运行：${reason ?? ''}`,
    ip,
  });
  if (!changed) throw new AppError('STATE_CONFLICT', STATE_CONFLICT);
}

// The one way a site's run status changes here: a compare-and-set on the site row plus its 审核流水 entry, in the
// caller's transaction. Every offline use case and the job go through it.
import type { RunStatus } from '../../../db/schema.ts';
import { RUN_STATUS_LABELS, type SiteRunStatus } from '../../../domain/status-labels.ts';
import { writeAudit } from '../../audit.ts';
import type { Actor, Trx } from '../../context.ts';
import { queueRequestEvent, runStatusEvent } from '../notifications/queue-request-event.ts';
import { setRunStatus } from './repository.ts';

export interface RunStatusChange {
  site: { id: number; siteCode: string; runStatus: RunStatus };
  to: SiteRunStatus;
  /** run_status_until after the change: the restore / online date, else null. */
  until: string | null;
  now: Date;
  actor: Actor | 'SYSTEM';
  /** The 审核流水 action (临时下线, 紧急下线, 恢复正常, 恢复上线, 完成下线, 设为例外, 删除 …). */
  action: string;
  requestId: number | null;
  comment: string | null;
  ip: string | null;
  data?: Record<string, unknown>;
}

function labelOf(status: RunStatus): string {
  return status === 'APPLYING' || status === 'WITHDRAWN' ? status : RUN_STATUS_LABELS[status];
}

/** Applies the change if the site is still in `site.runStatus`; false (nothing written) when it is not. */
export async function changeRunStatus(trx: Trx, c: RunStatusChange): Promise<boolean> {
  const applied = await setRunStatus(trx, {
    siteId: c.site.id,
    from: c.site.runStatus,
    to: c.to,
    until: c.until,
    now: c.now,
  });
  if (!applied) return false;
  await writeAudit(
    trx,
    c.now,
    c.actor,
    {
      action: c.action,
      entityType: 'SITE',
      entityId: String(c.site.id),
      siteCode: c.site.siteCode,
      requestId: c.requestId,
      fromState: labelOf(c.site.runStatus),
      toState: labelOf(c.to),
      comment: c.comment,
      data: { fromRunStatus: c.site.runStatus, toRunStatus: c.to, until: c.until, ...c.data },
    },
    c.ip,
  );
  // Offline start / end: mails to the site's people and its notice, committed with the change (issue 9).
  const event = runStatusEvent({ ...c, from: c.site.runStatus, at: c.now });
  if (event) await queueRequestEvent(trx, event);
  return true;
}

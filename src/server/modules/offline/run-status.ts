// The one way a site's run status changes here: the domain's run-status table decides (cause × from × actor), then
// a compare-and-set on the site row plus its 审核流水 entry, in the caller's transaction. Every offline use case,
// 例外/删除/恢复 and the jobs go through it.
import type { RunStatus } from '../../../db/schema.ts';
import { type AuditEvent, auditActionText } from '../../../domain/audit-events.ts';
import { RUN_STATUS_TRANSITIONS, type RunStatusCause, runStatusTransition } from '../../../domain/run-status.ts';
import { RUN_STATUS_LABELS } from '../../../domain/status-labels.ts';
import { writeAudit } from '../../audit.ts';
import type { Actor, Trx } from '../../context.ts';
import { queueRequestEvent, runStatusEvent } from '../notifications/queue-request-event.ts';
import { setRunStatus } from './repository.ts';

export interface RunStatusChange {
  site: { id: number; siteCode: string; runStatus: RunStatus };
  /** Why it changes: the run-status table gives the new status and who may cause it. */
  cause: RunStatusCause;
  /** run_status_until after the change: the restore / online date, else null. */
  until: string | null;
  now: Date;
  actor: Actor | 'SYSTEM';
  requestId: number | null;
  comment: string | null;
  ip: string | null;
  data?: Record<string, unknown>;
}

function labelOf(status: RunStatus): string {
  return status === 'APPLYING' || status === 'WITHDRAWN' ? status : RUN_STATUS_LABELS[status];
}

function actorKind(actor: Actor | 'SYSTEM') {
  if (actor === 'SYSTEM') return 'SYSTEM' as const;
  if (actor.kind === 'ORG_USER') return 'ORG' as const;
  if (actor.kind === 'SITE') return 'SITE' as const;
  return 'APPLICANT' as const;
}

/**
 * Applies the change if the table allows it from the site's status as read and the site is still in that status;
 * false (nothing written) otherwise. An actor the table does not allow for the cause is a programming error.
 */
export async function changeRunStatus(trx: Trx, c: RunStatusChange): Promise<boolean> {
  const kind = actorKind(c.actor);
  if (!RUN_STATUS_TRANSITIONS[c.cause].actors.includes(kind)) throw new Error(`run status ${c.cause} by ${kind}`);
  const decision = runStatusTransition(c.cause, c.site.runStatus, kind);
  if (!decision.ok) return false;
  const to = decision.to;
  const applied = await setRunStatus(trx, {
    siteId: c.site.id,
    from: c.site.runStatus,
    to,
    until: c.until,
    now: c.now,
  });
  if (!applied) return false;
  const audit: AuditEvent = {
    kind: 'RUN_STATUS_CHANGED',
    cause: c.cause,
    entityType: 'SITE',
    entityId: String(c.site.id),
    siteCode: c.site.siteCode,
    requestId: c.requestId,
    fromState: labelOf(c.site.runStatus),
    toState: labelOf(to),
    comment: c.comment,
    data: { fromRunStatus: c.site.runStatus, toRunStatus: to, until: c.until, ...c.data },
  };
  await writeAudit(trx, c.now, c.actor, audit, c.ip);
  // Offline start / end: mails to the site's people and its notice, committed with the change (issue 9).
  const event = runStatusEvent({ ...c, action: auditActionText(audit), to, from: c.site.runStatus, at: c.now });
  if (event) await queueRequestEvent(trx, event);
  return true;
}

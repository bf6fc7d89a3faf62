// The start of an approved 临时下线 (SPEC §7.6.2): at final approval when its day has come, otherwise by the 00:00
// job on its start day. The site goes TEMP_OFFLINE until the restore day; a period already over is closed unused.
import type { Actor, Trx } from '../../context.ts';
import { endOffline, markStarted, type OfflineDetail, type SiteState } from './repository.ts';
import { changeRunStatus } from './run-status.ts';

export type StartOutcome = 'STARTED' | 'EXPIRED' | 'NOT_DUE' | 'BUSY';

export async function startTempIfDue(
  trx: Trx,
  o: { site: SiteState; detail: OfflineDetail; today: string; now: Date; actor: Actor | 'SYSTEM'; ip: string | null },
): Promise<StartOutcome> {
  const { site, detail, today, now } = o;
  if (detail.kind !== 'TEMP' || detail.startedAt || detail.endedAt || !detail.endDate) return 'NOT_DUE';
  if (detail.plannedDate > today) return 'NOT_DUE';
  if (detail.endDate <= today) {
    await endOffline(trx, {
      siteId: site.id,
      now,
      endKind: 'EXPIRED',
      includePending: true,
      requestId: detail.requestId,
    });
    return 'EXPIRED';
  }
  // Another offline (an emergency, a closure) holds the site: try again on the next run.
  if (site.runStatus !== 'NORMAL') return 'BUSY';
  const changed = await changeRunStatus(trx, {
    site,
    cause: 'TEMP_OFFLINE_START',
    until: detail.endDate,
    now,
    actor: o.actor,
    requestId: detail.requestId,
    comment: `${detail.plannedDate} 起临时下线，${detail.endDate} 恢复开通`,
    ip: o.ip,
  });
  if (!changed) return 'BUSY';
  await markStarted(trx, detail.requestId, now);
  return 'STARTED';
}

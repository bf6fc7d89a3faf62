// The daily offline transitions (SPEC §7.6.2, §7.6.4): at 00:00 of its date a temporary or emergency offline ends
// and the site is 「恢复正常」 (actor SYSTEM); an approved temporary offline starts on its start day. Each site in its
// own transaction under its row lock, each change a compare-and-set: running twice, or after downtime, is safe.
import { todayCN } from '../../../domain/offline.ts';
import type { AppContext } from '../../context.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import { sitesDueForRestore, tempOfflinesDueToStart } from './job-repository.ts';
import { activeDetail, endOffline, findDetail, lockSite } from './repository.ts';
import { changeRunStatus } from './run-status.ts';
import { startTempIfDue } from './start-temp-offline.ts';

export interface OfflineTransitionsResult {
  status: 'DONE' | 'LOCKED';
  today: string;
  restored: number;
  started: number;
  expired: number;
}

async function restoreSite(ctx: AppContext, siteId: number, today: string, now: Date): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const site = await lockSite(trx, siteId);
    if (!site || (site.runStatus !== 'TEMP_OFFLINE' && site.runStatus !== 'EMERGENCY_OFFLINE')) return false;
    if (site.until === null || site.until > today) return false;
    const kind = site.runStatus === 'TEMP_OFFLINE' ? 'TEMP' : 'EMERGENCY';
    const active = await activeDetail(trx, site.id, [kind]);
    await endOffline(trx, { siteId: site.id, now, endKind: 'AUTO_RESTORE' });
    return changeRunStatus(trx, {
      site,
      cause: 'AUTO_RESTORE',
      until: null,
      now,
      actor: 'SYSTEM',
      requestId: active?.requestId ?? null,
      comment: `${kind === 'TEMP' ? '恢复开通时间' : '预计上线日期'} ${site.until} 已到，系统自动恢复正常`,
      ip: null,
    });
  });
}

async function startTemp(ctx: AppContext, due: { requestId: number; siteId: number }, today: string, now: Date) {
  return ctx.db.transaction().execute(async (trx) => {
    const site = await lockSite(trx, due.siteId);
    const detail = await findDetail(trx, due.requestId);
    if (!site || !detail) return 'NOT_DUE' as const;
    return startTempIfDue(trx, { site, detail, today, now, actor: 'SYSTEM', ip: null });
  });
}

/** Runs the day's transitions as of `ctx.clock.now()`; restores first, so a site back today may start a new one. */
export async function runOfflineTransitions(ctx: AppContext): Promise<OfflineTransitionsResult> {
  const now = ctx.clock.now();
  const today = todayCN(now);
  const locked = await withJobLock(ctx, JOB_LOCKS.offlineRunStatus, async () => {
    let restored = 0;
    let started = 0;
    let expired = 0;
    for (const siteId of await sitesDueForRestore(ctx.db, today)) {
      if (await restoreSite(ctx, siteId, today, now)) restored++;
    }
    for (const due of await tempOfflinesDueToStart(ctx.db, today)) {
      const outcome = await startTemp(ctx, due, today, now);
      if (outcome === 'STARTED') started++;
      if (outcome === 'EXPIRED') expired++;
    }
    return { restored, started, expired };
  });
  if (!locked.acquired) return { status: 'LOCKED', today, restored: 0, started: 0, expired: 0 };
  return { status: 'DONE', today, ...locked.value };
}

/** Start-up catch-up: is anything due that a missed 00:00 run would have done? */
export async function offlineTransitionsDue(ctx: AppContext): Promise<boolean> {
  const today = todayCN(ctx.clock.now());
  const [restores, starts] = await Promise.all([
    sitesDueForRestore(ctx.db, today),
    tempOfflinesDueToStart(ctx.db, today),
  ]);
  return restores.length > 0 || starts.length > 0;
}

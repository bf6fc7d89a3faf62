// 恢复上线 by the 填报单位 (SPEC §7.6.2, §8.2 #8): a site in 临时下线 or 紧急下线 back to NORMAL before its date.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { restoreAbility, siteStatusText } from '../../../domain/offline.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { activeDetail, endOffline, findSiteByCode } from './repository.ts';
import { changeRunStatus } from './run-status.ts';

export async function restoreOnline(ctx: AppContext, opts: { actor: SiteActor; ip: string | null }) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const site = await findSiteByCode(trx, opts.actor.siteCode, true);
    if (!site) throw notFound(MESSAGES.siteNotFound);
    const ability = restoreAbility(site.runStatus);
    if (!ability.allowed) throw new AppError('CONFLICT', ability.reason);
    const active = await activeDetail(trx, site.id, site.runStatus === 'TEMP_OFFLINE' ? ['TEMP'] : ['EMERGENCY']);
    await endOffline(trx, { siteId: site.id, now, endKind: 'EARLY_RESTORE' });
    const changed = await changeRunStatus(trx, {
      site,
      cause: 'RESTORE_ONLINE',
      until: null,
      now,
      actor: opts.actor,
      requestId: active?.requestId ?? null,
      comment: site.until ? `原定 ${site.until} 恢复，提前恢复上线` : '提前恢复上线',
      ip: opts.ip,
    });
    if (!changed) throw new AppError('STATE_CONFLICT', MESSAGES.siteStatusChanged);
    return { runStatus: 'NORMAL', runStatusLabel: siteStatusText('REPORTER', 'NORMAL', null), warnings: [] };
  });
}

// 完成下线 by the 填报单位 (SPEC §7.6.3): after the approved closure, with the evidence checklist (migration notice,
// ICP / 公安 / 党政机关网站标识 / domain cancelled). Missing items and a notice up < 30 days are warnings the operator
// must acknowledge; then PERM_OFFLINE, and the login is read-only from now on.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { completeAbility, completionWarnings, siteStatusText, todayCN } from '../../../domain/offline.ts';
import { checkHttpUrl } from '../../../domain/validation/index.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { activeDetail, findSiteByCode, recordCompletion } from './repository.ts';
import { changeRunStatus } from './run-status.ts';
import type { CompleteInput } from './schema.ts';

export async function completeOffline(
  ctx: AppContext,
  opts: { actor: SiteActor; input: CompleteInput; ip: string | null },
) {
  const { input } = opts;
  const now = ctx.clock.now();
  const today = todayCN(now);
  let noticeUrl: string | null = null;
  if (input.noticeUrl) {
    const checked = checkHttpUrl(input.noticeUrl, '迁移公告网址');
    if (!checked.ok) throw invalid(checked.error);
    noticeUrl = checked.value;
  }
  const posted = input.noticePostedDate ?? null;
  if (posted !== null && posted > today) throw invalid(MESSAGES.migrationNoticeInFuture);
  const checklist = {
    noticeUrl,
    noticePostedDate: posted,
    icpCancelled: input.icpCancelled,
    psbCancelled: input.psbCancelled,
    conacCancelled: input.conacCancelled,
    domainCancelled: input.domainCancelled,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const site = await findSiteByCode(trx, opts.actor.siteCode, true);
    if (!site) throw notFound(MESSAGES.siteNotFound);
    const ability = completeAbility(site.runStatus);
    if (!ability.allowed) throw new AppError('CONFLICT', ability.reason);
    const warnings = completionWarnings(checklist, today);
    if (warnings.length > 0 && !input.acknowledgeWarnings) {
      throw invalid(MESSAGES.confirmWarningsFirst, { warnings });
    }
    const closure = await activeDetail(trx, site.id, ['PERM']);
    if (closure) await recordCompletion(trx, closure.requestId, { ...checklist, warnings }, now);
    const changed = await changeRunStatus(trx, {
      site,
      cause: 'COMPLETE_OFFLINE',
      until: null,
      now,
      actor: opts.actor,
      requestId: closure?.requestId ?? null,
      comment: warnings.length > 0 ? `已知悉：${warnings.join('；')}` : null,
      ip: opts.ip,
      data: { checklist },
    });
    if (!changed) throw new AppError('STATE_CONFLICT', MESSAGES.siteStatusChanged);
    return { runStatus: 'PERM_OFFLINE', runStatusLabel: siteStatusText('REPORTER', 'PERM_OFFLINE', null), warnings };
  });
}

// SPEC §15: the day before a temporary offline ends, or an emergency offline reaches its expected online date, the
// site's 负责人 / 联系人 are mailed and a notice appears on its home page. Daily at 09:00 (Asia/Shanghai), under its
// advisory lock; a site already told in the last day is skipped, and each mail has a dedupe key, so re-runs and a
// second instance send nothing twice.
import { sql } from 'kysely';
import { mailAddresses, offlineEndingMail, sitePeople } from '../../../domain/notifications.ts';
import { addDays, todayCN } from '../../../domain/offline.ts';
import type { AppContext } from '../../context.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import { insertSiteNotice, queueMails } from '../notifications/repository.ts';
import { activeDetail } from './repository.ts';

export interface OfflineEndingResult {
  status: 'DONE' | 'LOCKED';
  sites: number;
  mails: number;
}

const DAY_MS = 86_400_000;

async function run(ctx: AppContext): Promise<Omit<OfflineEndingResult, 'status'>> {
  const now = ctx.clock.now();
  const tomorrow = addDays(todayCN(now), 1);
  const due = await ctx.db
    .selectFrom('sites')
    .select(['id', 'name', 'home_url', 'site_code', 'run_status', 'info'])
    .where('run_status', 'in', ['TEMP_OFFLINE', 'EMERGENCY_OFFLINE'])
    .where(sql<boolean>`run_status_until = ${tomorrow}::date`)
    .orderBy('id')
    .execute();
  let sites = 0;
  let mails = 0;
  for (const site of due) {
    const kind = site.run_status === 'TEMP_OFFLINE' ? 'TEMP' : 'EMERGENCY';
    await ctx.db.transaction().execute(async (trx) => {
      const told = await trx
        .selectFrom('site_notices')
        .select('id')
        .where('site_id', '=', site.id)
        .where('kind', '=', 'OFFLINE_ENDING')
        .where('created_at', '>', new Date(now.getTime() - DAY_MS))
        .executeTakeFirst();
      if (told) return;
      const active = await activeDetail(trx, site.id, [kind]);
      const text = offlineEndingMail(
        {
          type: kind === 'TEMP' ? 'OFFLINE_TEMP' : 'OFFLINE_EMERGENCY',
          siteName: site.name,
          homeUrl: site.home_url,
          siteCode: site.site_code,
        },
        kind,
        tomorrow,
      );
      const requestId = active?.requestId ?? null;
      mails += await queueMails(trx, mailAddresses(sitePeople(site.info as Record<string, unknown>)), {
        kind: 'OFFLINE_ENDING',
        requestId,
        text,
        at: now,
        dedupeKey: `offline-ending:${site.id}:${tomorrow}`,
      });
      const title = text.subject.replace(/^【[^】]*】/, '');
      await insertSiteNotice(trx, {
        siteId: site.id,
        requestId,
        kind: 'OFFLINE_ENDING',
        text: { ...text, subject: title },
        at: now,
      });
      sites++;
    });
  }
  return { sites, mails };
}

export async function sendOfflineEndingNotices(ctx: AppContext): Promise<OfflineEndingResult> {
  const locked = await withJobLock(ctx, JOB_LOCKS.offlineEnding, () => run(ctx));
  return locked.acquired ? { status: 'DONE', ...locked.value } : { status: 'LOCKED', sites: 0, mails: 0 };
}

// 每日待办汇总 (08:00 Asia/Shanghai): one mail per user who enabled the digest, listing their unit's open items.
// Idempotent per user and day through the outbox's dedupe key.
import { DIGEST_MAX_ITEMS, type DigestItem, digestMail } from '../../../domain/notifications.ts';
import { formatDateCN } from '../../../domain/status-labels.ts';
import { deadlineCutoffs, stepDeadline } from '../../../domain/working-days.ts';
import type { AppContext } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { JOB_LOCKS, withJobLock } from '../../job-lock.ts';
import { countInboxRows, listInboxRows } from '../todo/inbox-repository.ts';
import { queueMails } from './repository.ts';

export interface DigestRunResult {
  status: 'DONE' | 'LOCKED';
  users: number;
  queued: number;
}

async function run(ctx: AppContext): Promise<DigestRunResult> {
  const now = ctx.clock.now();
  const today = formatDateCN(now);
  const rule = deadlineRuleOf(ctx.config);
  const users = await ctx.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.code', 'u.org_code')
    .select(['u.id', 'u.display_name', 'u.email', 'u.org_code', 'o.display_name as org_name'])
    .where('u.digest_enabled', '=', true)
    .where('u.enabled', '=', true)
    .where('u.email', 'is not', null)
    .orderBy('u.id')
    .execute();
  const { overdueBefore } = deadlineCutoffs(now, rule);
  const byOrg = new Map<string, { items: DigestItem[]; total: number; overdue: number }>();
  let queued = 0;
  for (const user of users) {
    if (!user.email) continue;
    let open = byOrg.get(user.org_code);
    if (!open) {
      // The same items as 待办: request steps and 年度报表 waiting for review.
      const rows = await listInboxRows(ctx.db, user.org_code, DIGEST_MAX_ITEMS, 0);
      const { total, overdue } = await countInboxRows(ctx.db, user.org_code, overdueBefore);
      const items = rows.map((r): DigestItem => {
        const d = stepDeadline(r.waitingSince, now, rule);
        const type = r.kind === 'REQUEST' ? r.type : r.kind;
        return { type, siteName: r.siteName, waitingDays: d.waitingDays, overdue: d.overdue };
      });
      open = { items, total, overdue };
      byOrg.set(user.org_code, open);
    }
    if (open.total === 0) continue;
    queued += await queueMails(ctx.db, [user.email], {
      kind: 'DIGEST',
      requestId: null,
      text: digestMail(user.display_name, user.org_name, open),
      at: now,
      dedupeKey: `digest:${user.id}:${today}`,
    });
  }
  return { status: 'DONE', users: users.length, queued };
}

export async function sendDailyDigests(ctx: AppContext): Promise<DigestRunResult> {
  const locked = await withJobLock(ctx, JOB_LOCKS.dailyDigest, () => run(ctx));
  return locked.acquired ? locked.value : { status: 'LOCKED', users: 0, queued: 0 };
}

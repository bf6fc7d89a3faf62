// SPEC §16 item 2: a new-site application left returned (「审核未通过」) for 90 days is closed and its name, URL and
// portal slot released. Run daily by the `close-stale-applications` job (actor SYSTEM). Each application is one
// compare-and-set in its own transaction, so two instances running at once, or a re-run, close each one once.
import { sql } from 'kysely';
import { AUDIT_ACTION_TEXT } from '../../../domain/audit-events.ts';
import { decide, RETURNED_APPLICATION_CLOSE_DAYS, staleReturnCutoff } from '../../../domain/requests.ts';
import { formatDateCN } from '../../../domain/status-labels.ts';
import type { AppContext, Db } from '../../context.ts';
import { applyTransition } from '../../lifecycle/request-transition.ts';
import { REQUEST_COLUMNS, toRequestCore } from '../requests/repository.ts';
import { markSiteWithdrawn } from './repository.ts';

/** The audit action of the closing; the 临时码 query looks for it to explain a withdrawn application. */
export const CLOSE_STALE_ACTION = AUDIT_ACTION_TEXT.REQUEST_CLOSED_STALE;

/** Returned new-site applications whose return is at or before the cut-off (oldest first). */
function staleApplications(db: Db, cutoff: Date) {
  return db
    .selectFrom('requests as r')
    .select([...REQUEST_COLUMNS, 'r.site_id', 'r.updated_at'])
    .where('type', '=', 'NEW_SITE')
    .where('state', '=', 'RETURNED')
    .where('updated_at', '<=', cutoff)
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
}

/** Closes every application due at `ctx.clock.now()`; returns how many this run closed. */
export async function closeStaleApplications(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  let closed = 0;
  for (const row of await staleApplications(ctx.db, staleReturnCutoff(now))) {
    const snapshot = toRequestCore(row);
    const decision = decide(snapshot, { kind: 'SYSTEM' }, 'CLOSE_STALE');
    if (!decision.ok) continue;
    const next = decision.next;
    const done = await ctx.db.transaction().execute(async (trx) => {
      const changed = await applyTransition(trx, {
        request: snapshot,
        action: 'CLOSE_STALE',
        next,
        now,
        audit: {
          actor: 'SYSTEM',
          ip: null,
          entry: {
            kind: 'REQUEST_CLOSED_STALE',
            entityType: 'REQUEST',
            entityId: String(row.id),
            requestId: row.id,
            fromState: row.state,
            toState: next.state,
            comment: `退回（${formatDateCN(new Date(row.updated_at))}）后 ${RETURNED_APPLICATION_CLOSE_DAYS} 天未重新提交，系统关闭申请，网站名称和网址已释放`,
          },
        },
      });
      // Resubmitted or withdrawn in the meantime, or closed by another instance: nothing to do.
      if (!changed) return false;
      await markSiteWithdrawn(trx, row.site_id, now);
      return true;
    });
    if (done) closed++;
  }
  return closed;
}

/** Was this withdrawn application closed by the system rather than withdrawn by its applicant? */
export async function wasClosedStale(db: Db, requestId: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select(sql<number>`1`.as('one'))
    .where('request_id', '=', requestId)
    .where('action', '=', CLOSE_STALE_ACTION)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Start-up catch-up: is any application due? */
export async function staleApplicationsDue(ctx: AppContext): Promise<boolean> {
  return (await staleApplications(ctx.db, staleReturnCutoff(ctx.clock.now()))).length > 0;
}

// The only database access for link checks: the sweep ledger, per-URL history and the per-site health summary.
import { sql } from 'kysely';
import type { FooterReport } from '../../../domain/footer-check.ts';
import { SWEPT_RUN_STATUSES } from '../../../domain/link-health.ts';
import { writeAudit } from '../../audit.ts';
import type { Actor, Db } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';
import type { LinkCheckResult, LinkKind } from './messages.ts';

/** A site is flagged once its home page failed on this many consecutive sweeps. */
export const FLAG_AFTER_FAILURES = 3;

export interface SweepRow {
  id: number;
  night: string;
  status: 'RUNNING' | 'DONE';
  cursorSiteId: number;
}

const sweepColumns = ['id', sql<string>`night::text`.as('night'), 'status', 'cursor_site_id as cursorSiteId'] as const;

/**
 * The sweep this run works on: the unfinished one if any (whatever its night), else a new one for `night` —
 * unless `night` already has a finished sweep, in which case null (nothing to do).
 */
export async function openSweep(db: Db, night: string, now: Date): Promise<SweepRow | null> {
  const running = await db
    .selectFrom('link_sweeps')
    .select(sweepColumns)
    .where('status', '=', 'RUNNING')
    .executeTakeFirst();
  const sweep =
    running ??
    (await db
      .insertInto('link_sweeps')
      .values({ night, status: 'RUNNING', started_at: now, updated_at: now })
      .onConflict((oc) => oc.column('night').doNothing())
      .returning(sweepColumns)
      .executeTakeFirst());
  if (sweep === undefined) return null;
  await db
    .updateTable('link_sweeps')
    .set((eb) => ({ runs: eb('runs', '+', 1), updated_at: now }))
    .where('id', '=', sweep.id)
    .execute();
  return sweep;
}

export interface SweepSite {
  id: number;
  siteCode: string | null;
  homeUrl: string;
  columns: unknown;
  info: Record<string, unknown>;
  domains: string[];
}

/** The next sites (by id, after the cursor) not yet checked in this sweep. */
export async function nextSweepSites(db: Db, sweepId: number, afterId: number, limit: number): Promise<SweepSite[]> {
  const rows = await db
    .selectFrom('sites as s')
    .leftJoin('link_health as h', 'h.site_id', 's.id')
    .select(['s.id', 's.site_code', 's.home_url', 's.columns', 's.info'])
    .where('s.run_status', 'in', SWEPT_RUN_STATUSES)
    .where('s.id', '>', afterId)
    .where((eb) => eb.or([eb('h.last_sweep_id', 'is', null), eb('h.last_sweep_id', '<>', sweepId)]))
    .orderBy('s.id')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const domains = await db
    .selectFrom('site_domains')
    .select(['site_id', 'host'])
    .where(
      'site_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('host')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    siteCode: r.site_code,
    homeUrl: r.home_url,
    columns: r.columns,
    info: r.info,
    domains: domains.filter((d) => d.site_id === r.id).map((d) => d.host),
  }));
}

export interface CheckedUrl {
  kind: LinkKind;
  result: LinkCheckResult;
}

/** A failure that counts against the site: a robots.txt refusal is "not checked", not "unreachable". */
export function countsAsFailure(result: LinkCheckResult): boolean {
  return !result.ok && result.error !== 'ROBOTS';
}

/**
 * Stores one site's results for the sweep and updates its health summary, in one transaction. Returns false (and
 * changes nothing) when this sweep had already recorded the site — so a resumed or repeated run never counts twice.
 */
export async function recordSiteResults(
  db: Db,
  o: { sweepId: number; siteId: number; siteCode: string | null; checks: CheckedUrl[]; footer: FooterReport | null },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('link_health')
      .select(['last_sweep_id', 'home_consecutive_failures', 'flagged', 'flagged_since'])
      .where('site_id', '=', o.siteId)
      .forUpdate()
      .executeTakeFirst();
    if (previous?.last_sweep_id === o.sweepId) return false;

    await trx
      .insertInto('link_checks')
      .values(
        o.checks.map(({ kind, result }) => ({
          sweep_id: o.sweepId,
          site_id: o.siteId,
          kind,
          url: result.url,
          checked_at: now,
          ok: result.ok,
          status: result.status ?? null,
          elapsed_ms: result.elapsedMs,
          error: result.error ?? null,
          message: result.message,
          final_url: result.finalUrl ?? null,
          redirects: JSON.stringify(result.redirects),
        })),
      )
      .onConflict((oc) => oc.columns(['sweep_id', 'site_id', 'kind', 'url']).doNothing())
      .execute();

    const home = o.checks.find((c) => c.kind === 'HOME');
    const homeOk = home === undefined || home.result.ok;
    const failures = homeOk ? 0 : (previous?.home_consecutive_failures ?? 0) + 1;
    const flagged = failures >= FLAG_AFTER_FAILURES;
    const flaggedSince = flagged ? (previous?.flagged_since ?? now) : null;
    const urlsFailed = o.checks.filter((c) => countsAsFailure(c.result)).length;
    const summary = {
      last_sweep_id: o.sweepId,
      last_checked_at: now,
      home_ok: homeOk,
      home_consecutive_failures: failures,
      flagged,
      flagged_since: flaggedSince,
      urls_total: o.checks.length,
      urls_failed: urlsFailed,
      footer: o.footer === null ? null : JSON.stringify(o.footer),
      footer_problems: o.footer?.problems ?? 0,
      updated_at: now,
    };
    await trx
      .insertInto('link_health')
      .values({ site_id: o.siteId, ...summary })
      .onConflict((oc) => oc.column('site_id').doUpdateSet(summary))
      .execute();
    await trx
      .updateTable('link_sweeps')
      .set((eb) => ({
        sites_checked: eb('sites_checked', '+', 1),
        urls_checked: eb('urls_checked', '+', o.checks.length),
        urls_failed: eb('urls_failed', '+', urlsFailed),
        updated_at: now,
      }))
      .where('id', '=', o.sweepId)
      .execute();
    if (flagged && previous?.flagged !== true) {
      await writeAudit(trx, now, 'SYSTEM', {
        kind: 'LINK_HEALTH_FLAGGED',
        entityType: 'site',
        entityId: String(o.siteId),
        siteCode: o.siteCode,
        comment: `首页连续 ${failures} 次巡检无法访问：${home?.result.message ?? ''}`,
      });
    }
    return true;
  });
}

export async function advanceCursor(db: Db, sweepId: number, cursor: number, now: Date): Promise<void> {
  await db
    .updateTable('link_sweeps')
    .set({ cursor_site_id: cursor, updated_at: now })
    .where('id', '=', sweepId)
    .where('cursor_site_id', '<', cursor)
    .execute();
}

export async function finishSweep(db: Db, sweepId: number, now: Date): Promise<void> {
  await db
    .updateTable('link_sweeps')
    .set({ status: 'DONE', finished_at: now, updated_at: now })
    .where('id', '=', sweepId)
    .where('status', '=', 'RUNNING')
    .execute();
}

/** The site if the caller may see it: an org user within its subtree, a 填报单位 only its own site. */
export async function findVisibleSite(db: Db, siteId: number, actor: Actor) {
  let q = db
    .selectFrom('sites as s')
    .select(['s.id', 's.site_code as siteCode', 's.name', 's.home_url as homeUrl', 's.run_status as runStatus'])
    .where('s.id', '=', siteId);
  if (actor.kind === 'ORG_USER') {
    q = q.innerJoin('org_units as o', 'o.code', 's.org_code').where(inSubtree('o.path', actor.orgPath));
  } else if (actor.kind === 'SITE') {
    q = q.where('s.site_code', '=', actor.siteCode);
  } else {
    return undefined;
  }
  return q.executeTakeFirst();
}

export async function healthRow(db: Db, siteId: number) {
  return db.selectFrom('link_health').selectAll().where('site_id', '=', siteId).executeTakeFirst();
}

/** The results of the site's latest sweep: the latest result for each of its current URLs. */
export async function latestChecks(db: Db, siteId: number, sweepId: number) {
  return db
    .selectFrom('link_checks')
    .select(['kind', 'url', 'checked_at', 'ok', 'status', 'elapsed_ms', 'error', 'message', 'final_url', 'redirects'])
    .where('site_id', '=', siteId)
    .where('sweep_id', '=', sweepId)
    .orderBy(sql`CASE kind WHEN 'HOME' THEN 0 WHEN 'DOMAIN' THEN 1 ELSE 2 END`)
    .orderBy('id')
    .execute();
}

export interface LinkHealthSummary {
  siteId: number;
  lastCheckedAt: Date;
  homeOk: boolean;
  homeConsecutiveFailures: number;
  flagged: boolean;
  flaggedSince: Date | null;
  urlsTotal: number;
  urlsFailed: number;
  footerProblems: number;
}

/** Health summaries for list columns and statistics; sites never swept are absent from the map. */
export async function linkHealthBySiteIds(db: Db, ids: readonly number[]): Promise<Map<number, LinkHealthSummary>> {
  const out = new Map<number, LinkHealthSummary>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('link_health')
    .select([
      'site_id',
      'last_checked_at',
      'home_ok',
      'home_consecutive_failures',
      'flagged',
      'flagged_since',
      'urls_total',
      'urls_failed',
      'footer_problems',
    ])
    .where('site_id', 'in', [...ids])
    .execute();
  for (const r of rows) {
    out.set(r.site_id, {
      siteId: r.site_id,
      lastCheckedAt: r.last_checked_at,
      homeOk: r.home_ok,
      homeConsecutiveFailures: r.home_consecutive_failures,
      flagged: r.flagged,
      flaggedSince: r.flagged_since,
      urlsTotal: r.urls_total,
      urlsFailed: r.urls_failed,
      footerProblems: r.footer_problems,
    });
  }
  return out;
}

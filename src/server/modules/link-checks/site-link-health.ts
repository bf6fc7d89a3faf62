// The link health of one site as its 组织单位 (within the subtree) or its own 填报单位 sees it.
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { Actor, Db } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { findVisibleSite, healthRow, latestChecks } from './repository.ts';
import type { LinkHealthView } from './schema.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function siteLinkHealth(db: Db, actor: Actor, siteId: number): Promise<LinkHealthView> {
  const site = await findVisibleSite(db, siteId, actor);
  if (site === undefined) throw notFound(MESSAGES.siteNotFound);
  const health = await healthRow(db, siteId);
  const base = { siteId: site.id, siteCode: site.siteCode, name: site.name, homeUrl: site.homeUrl };
  if (health === undefined) {
    return {
      ...base,
      checkedAt: null,
      homeOk: null,
      homeConsecutiveFailures: 0,
      flagged: false,
      flaggedSince: null,
      urlsTotal: 0,
      urlsFailed: 0,
      urls: [],
      footer: null,
    };
  }
  const checks = await latestChecks(db, siteId, health.last_sweep_id);
  return {
    ...base,
    checkedAt: iso(health.last_checked_at),
    homeOk: health.home_ok,
    homeConsecutiveFailures: health.home_consecutive_failures,
    flagged: health.flagged,
    flaggedSince: iso(health.flagged_since),
    urlsTotal: health.urls_total,
    urlsFailed: health.urls_failed,
    urls: checks.map((c) => ({
      kind: c.kind,
      url: c.url,
      checkedAt: new Date(c.checked_at).toISOString(),
      ok: c.ok,
      status: c.status,
      elapsedMs: c.elapsed_ms,
      error: c.error,
      message: c.message,
      finalUrl: c.final_url,
      redirects: c.redirects,
    })),
    footer: health.footer,
  };
}

// 基本信息统计 — data-quality alerts: units without a portal, missing ICP/公安/标识 numbers, non-government hosts,
// several sites of one 主办单位 under one unit.
import type { z } from 'zod';
import type { AppContext, OrgActor } from '../../context.ts';
import { duplicateSponsors, nonGovHosts, sitesMissingFilings, unitsWithoutPortal } from './alerts-repository.ts';
import { resolveScope } from './resolve-scope.ts';
import type { alertStats } from './schema.ts';

/** Rows listed on screen per alert; the export carries up to EXPORT_LIMIT. */
export const SCREEN_LIMIT = 100;
export const EXPORT_LIMIT = 20_000;

export async function computeAlerts(
  ctx: AppContext,
  actor: OrgActor,
  org: string | undefined,
  limit = SCREEN_LIMIT,
): Promise<z.infer<typeof alertStats>> {
  const scope = await resolveScope(ctx, actor, org);
  const path = scope.unit.path;
  const [noPortal, filings, hosts, sponsors] = await Promise.all([
    unitsWithoutPortal(ctx.db, path, limit),
    sitesMissingFilings(ctx.db, path, limit),
    nonGovHosts(ctx.db, path, limit),
    duplicateSponsors(ctx.db, path, limit),
  ]);
  return {
    scope: scope.view,
    noPortal: {
      total: noPortal.total,
      items: noPortal.items.map((o) => ({ code: o.code, displayName: o.display_name, level: o.level })),
    },
    missingFilings: {
      total: filings.total,
      icp: filings.icp,
      psb: filings.psb,
      conac: filings.conac,
      items: filings.items.map((s) => ({
        siteCode: s.site_code,
        name: s.name,
        orgName: s.org_name,
        missing: [
          s.no_icp ? 'ICP备案号' : '',
          s.no_psb ? '公安机关备案号' : '',
          s.no_conac ? '党政机关网站标识' : '',
        ].filter(Boolean),
      })),
    },
    nonGovHosts: {
      total: hosts.total,
      items: hosts.items.map((s) => ({
        siteCode: s.site_code,
        name: s.name,
        homeUrl: s.home_url,
        orgName: s.org_name,
      })),
    },
    duplicateSponsors: {
      total: sponsors.total,
      items: sponsors.items.map((d) => ({
        orgCode: d.org_code,
        orgName: d.org_name,
        sponsorName: d.sponsor_name,
        count: d.count,
      })),
    },
  };
}

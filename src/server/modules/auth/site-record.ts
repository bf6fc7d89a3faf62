// The signed-in 填报单位's own basic record (GET /api/site/me): what the site home shows until its workspace exists.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { RUN_STATUS_LABELS, runStatusText } from '../../../domain/status-labels.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { notFound } from '../../errors.ts';

export interface SiteRecord {
  siteCode: string;
  name: string;
  homeUrl: string;
  sponsorName: string;
  isPortal: boolean;
  isServicePlatform: boolean;
  orgCode: string;
  orgName: string;
  /** The org tree above the site, from the level-1 unit down to its 本级组织单位. */
  orgChain: { code: string; name: string; level: number }[];
  runStatus: string;
  runStatusLabel: string;
  /** ISO instants. */
  codeIssuedAt: string | null;
  firstLoginAt: string | null;
}

export async function getSiteRecord(ctx: AppContext, actor: SiteActor): Promise<SiteRecord> {
  const site = await ctx.db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select([
      's.site_code',
      's.name',
      's.home_url',
      's.sponsor_name',
      's.is_portal',
      's.is_service_platform',
      's.org_code',
      's.run_status',
      's.run_status_until',
      's.code_issued_at',
      's.first_login_at',
      'o.name as org_name',
      'o.path as org_path',
    ])
    .where('s.site_code', '=', actor.siteCode)
    .executeTakeFirst();
  if (!site?.site_code || site.run_status === 'APPLYING' || site.run_status === 'WITHDRAWN')
    throw notFound(MESSAGES.siteNotFound);
  const pathCodes = site.org_path.split('/').filter(Boolean);
  const orgs = await ctx.db
    .selectFrom('org_units')
    .select(['code', 'name', 'level'])
    .where('code', 'in', pathCodes)
    .where('level', '>=', 1)
    .orderBy('level')
    .execute();
  const status = site.run_status;
  const until = site.run_status_until ?? undefined;
  return {
    siteCode: site.site_code,
    name: site.name,
    homeUrl: site.home_url,
    sponsorName: site.sponsor_name,
    isPortal: site.is_portal,
    isServicePlatform: site.is_service_platform,
    orgCode: site.org_code,
    orgName: site.org_name,
    orgChain: orgs,
    runStatus: status,
    runStatusLabel: until
      ? runStatusText({ side: 'REPORTER', status, restoreDate: until, onlineDate: until })
      : RUN_STATUS_LABELS[status],
    codeIssuedAt: site.code_issued_at ? new Date(site.code_issued_at).toISOString() : null,
    firstLoginAt: site.first_login_at ? new Date(site.first_login_at).toISOString() : null,
  };
}

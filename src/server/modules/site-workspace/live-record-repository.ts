// Database writes of the live record when a change set is approved, and the 其他域名 look-ups (SPEC §5.3, §7.2–§7.5).
import { sql } from 'kysely';
import type { Db, Trx } from '../../context.ts';
import { FREED_RUN_STATUSES } from '../applications/repository.ts';

export async function siteDomains(db: Db | Trx, siteId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('site_domains')
    .select('host')
    .where('site_id', '=', siteId)
    .orderBy('host')
    .execute();
  return rows.map((r) => r.host);
}

export interface HostHolder {
  host: string;
  name: string;
  siteCode: string | null;
  /** Whether the host is the other site's home host or one of its 其他域名. */
  asHome: boolean;
}

/** Live sites other than `siteId` that use one of `hosts` as home host or other domain (SPEC §5.3). */
export async function findHostHolders(db: Db | Trx, hosts: readonly string[], siteId: number): Promise<HostHolder[]> {
  if (hosts.length === 0) return [];
  const list = [...hosts];
  const home = await db
    .selectFrom('sites')
    .select(['home_host as host', 'name', 'site_code'])
    .where('home_host', 'in', list)
    .where('id', '<>', siteId)
    .where('run_status', 'not in', FREED_RUN_STATUSES)
    .execute();
  const other = await db
    .selectFrom('site_domains as d')
    .innerJoin('sites as s', 's.id', 'd.site_id')
    .select(['d.host', 's.name', 's.site_code'])
    .where('d.host', 'in', list)
    .where('s.id', '<>', siteId)
    .where('s.run_status', 'not in', FREED_RUN_STATUSES)
    .execute();
  return [
    ...home.map((r) => ({ host: r.host, name: r.name, siteCode: r.site_code, asHome: true })),
    ...other.map((r) => ({ host: r.host, name: r.name, siteCode: r.site_code, asHome: false })),
  ];
}

/** Rewrites the site's 其他域名; hosts still held by closed or deleted sites are released to it. */
export async function replaceSiteDomains(trx: Trx, siteId: number, hosts: readonly string[]): Promise<void> {
  await trx.deleteFrom('site_domains').where('site_id', '=', siteId).execute();
  if (hosts.length === 0) return;
  await trx
    .deleteFrom('site_domains')
    .where('host', 'in', [...hosts])
    .where('site_id', 'in', (eb) => eb.selectFrom('sites').select('id').where('run_status', 'in', FREED_RUN_STATUSES))
    .execute();
  await trx
    .insertInto('site_domains')
    .values(hosts.map((host) => ({ host, site_id: siteId })))
    .execute();
}

export interface LiveRecordSet {
  info: Record<string, unknown>;
  name: string;
  nameKey: string;
  homeUrl: string;
  homeUrlKey: string;
  homeHost: string;
  sponsorName: string;
  isPortal: boolean;
  isServicePlatform: boolean;
  /** Only when the change set carries 栏目. */
  columns?: unknown[];
}

/**
 * Compare-and-set of the live record on its version (the row is locked by the caller, so 0 rows means the version
 * read is stale); increments the version. False when nothing was updated.
 */
export async function updateLiveRecord(
  trx: Trx,
  site: { id: number; version: number },
  set: LiveRecordSet,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('sites')
    .set({
      info: JSON.stringify(set.info),
      name: set.name,
      name_key: set.nameKey,
      home_url: set.homeUrl,
      home_url_key: set.homeUrlKey,
      home_host: set.homeHost,
      sponsor_name: set.sponsorName,
      is_portal: set.isPortal,
      is_service_platform: set.isServicePlatform,
      ...(set.columns ? { columns: JSON.stringify(set.columns) } : {}),
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', '=', site.id)
    .where('version', '=', site.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

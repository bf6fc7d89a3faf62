// The only database access of the site import (issue 20): the register's records for the codes of a file, the
// holders of names / URLs / hosts / portal slots, and the set-based writes of one import.
import { type RawBuilder, sql } from 'kysely';
import { OPEN_STATE_LIST } from '../../../domain/requests.ts';
import type { StoredColumnRow } from '../../../domain/site-diff.ts';
import type { RegisterRecord } from '../../../domain/site-import/rows.ts';
import type { SiteInfo } from '../../../domain/site-info.ts';
import type { Db, Trx } from '../../context.ts';
import { FREED_RUN_STATUSES, siteColumns } from '../applications/repository.ts';

const CHUNK = 1000;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export interface OrgRef {
  code: string;
  name: string;
  level: number;
  path: string;
  enabled: boolean;
}

export async function findOrgs(db: Db | Trx, codes: readonly string[]): Promise<Map<string, OrgRef>> {
  const out = new Map<string, OrgRef>();
  for (const part of chunks([...new Set(codes)])) {
    const rows = await db
      .selectFrom('org_units')
      .select(['code', 'name', 'level', 'path', 'enabled'])
      .where('code', 'in', part)
      .execute();
    for (const r of rows) out.set(r.code, r);
  }
  return out;
}

export async function findRootOrg(db: Db): Promise<OrgRef> {
  return db
    .selectFrom('org_units')
    .select(['code', 'name', 'level', 'path', 'enabled'])
    .where('level', '=', 0)
    .orderBy('code')
    .executeTakeFirstOrThrow();
}

export interface ExistingSite {
  id: number;
  version: number;
  orgPath: string;
  hasOpenRequest: boolean;
  record: RegisterRecord;
}

const OPEN_STATES = OPEN_STATE_LIST;

function toRecord(r: {
  site_code: string | null;
  org_code: string;
  info: unknown;
  columns: unknown;
  run_status: string;
}): RegisterRecord {
  return {
    siteCode: r.site_code ?? '',
    orgCode: r.org_code,
    info: (typeof r.info === 'string' ? JSON.parse(r.info) : r.info) as SiteInfo,
    columns: (typeof r.columns === 'string' ? JSON.parse(r.columns) : r.columns) as StoredColumnRow[],
    otherDomains: [],
    runStatus: r.run_status,
  };
}

/** Every site holding one of `codes` (whatever its org: a code outside the caller's subtree must be refused too). */
export async function findSitesByCodes(db: Db | Trx, codes: readonly string[]): Promise<Map<string, ExistingSite>> {
  const out = new Map<string, ExistingSite>();
  const byId = new Map<number, ExistingSite>();
  for (const part of chunks([...new Set(codes)])) {
    const rows = await db
      .selectFrom('sites as s')
      .innerJoin('org_units as o', 'o.code', 's.org_code')
      .select([
        's.id',
        's.version',
        's.site_code',
        's.org_code',
        's.info',
        's.columns',
        's.run_status',
        'o.path as org_path',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('requests as r')
              .select('r.id')
              .whereRef('r.site_id', '=', 's.id')
              .where('r.state', 'in', [...OPEN_STATES]),
          )
          .as('has_open_request'),
      )
      .where('s.site_code', 'in', part)
      .execute();
    for (const r of rows) {
      const site: ExistingSite = {
        id: r.id,
        version: r.version,
        orgPath: r.org_path,
        hasOpenRequest: Boolean(r.has_open_request),
        record: toRecord(r),
      };
      out.set(site.record.siteCode, site);
      byId.set(r.id, site);
    }
  }
  for (const part of chunks([...byId.keys()])) {
    const domains = await db
      .selectFrom('site_domains')
      .select(['site_id', 'host'])
      .where('site_id', 'in', part)
      .orderBy('host')
      .execute();
    for (const d of domains) byId.get(d.site_id)?.record.otherDomains.push(d.host);
  }
  return out;
}

export interface KeyHolder {
  id: number;
  name: string;
  siteCode: string | null;
  key: string;
}

function holders(
  db: Db | Trx,
  column: 'name_key' | 'home_url_key' | 'home_host',
  keys: readonly string[],
  excludeIds: ReadonlySet<number>,
): Promise<KeyHolder[]> {
  return collect(keys, async (part) => {
    const rows = await db
      .selectFrom('sites')
      .select(['id', 'name', 'site_code', `${column} as key`])
      .where(column, 'in', part)
      .where('run_status', 'not in', FREED_RUN_STATUSES)
      .execute();
    return rows
      .filter((r) => !excludeIds.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, siteCode: r.site_code, key: r.key }));
  });
}

async function collect(keys: readonly string[], query: (part: string[]) => Promise<KeyHolder[]>): Promise<KeyHolder[]> {
  const out: KeyHolder[] = [];
  for (const part of chunks([...new Set(keys)].filter((k) => k !== ''))) out.push(...(await query(part)));
  return out;
}

/** Live sites outside the file holding one of the names, URLs, or hosts (as home host or 其他域名). */
export async function findKeyHolders(
  db: Db | Trx,
  keys: { names: string[]; urls: string[]; homeHosts: string[]; otherHosts: string[] },
  excludeIds: ReadonlySet<number>,
) {
  const names = await holders(db, 'name_key', keys.names, excludeIds);
  const urls = await holders(db, 'home_url_key', keys.urls, excludeIds);
  // Another site's home host may not be one of our 其他域名; any 其他域名 elsewhere may be neither.
  const homeOfOthers = await holders(db, 'home_host', keys.otherHosts, excludeIds);
  const domainsOfOthers = await collect([...keys.homeHosts, ...keys.otherHosts], async (part) => {
    const rows = await db
      .selectFrom('site_domains as d')
      .innerJoin('sites as s', 's.id', 'd.site_id')
      .select(['s.id', 's.name', 's.site_code', 'd.host as key'])
      .where('d.host', 'in', part)
      .where('s.run_status', 'not in', FREED_RUN_STATUSES)
      .execute();
    return rows
      .filter((r) => !excludeIds.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, siteCode: r.site_code, key: r.key }));
  });
  return { names, urls, homeOfOthers, domainsOfOthers };
}

/** Live portals (or sites with an open 申请门户网站) of the given orgs, other than the sites in the file. */
export async function findPortalHolders(db: Db | Trx, orgCodes: readonly string[], excludeIds: ReadonlySet<number>) {
  const out: { orgCode: string; name: string; siteCode: string | null; pending: boolean }[] = [];
  for (const part of chunks([...new Set(orgCodes)])) {
    const rows = await db
      .selectFrom('sites as s')
      .select(['s.id', 's.org_code', 's.name', 's.site_code', 's.is_portal'])
      .where('s.org_code', 'in', part)
      .where('s.run_status', 'not in', FREED_RUN_STATUSES)
      .where((eb) =>
        eb.or([
          eb('s.is_portal', '=', true),
          eb.exists(
            eb
              .selectFrom('requests as r')
              .select('r.id')
              .whereRef('r.site_id', '=', 's.id')
              .where('r.type', '=', 'PORTAL_ON')
              .where('r.state', 'in', [...OPEN_STATES]),
          ),
        ]),
      )
      .execute();
    for (const r of rows) {
      if (!excludeIds.has(r.id)) {
        out.push({ orgCode: r.org_code, name: r.name, siteCode: r.site_code, pending: !r.is_portal });
      }
    }
  }
  return out;
}

function valuesList(rows: readonly RawBuilder<unknown>[][]): RawBuilder<unknown> {
  return sql.join(rows.map((cells) => sql`(${sql.join(cells)})`));
}

export interface NewSiteRow {
  record: RegisterRecord;
  checkCodeHash: string;
}

/** Inserts the new sites (chunked); returns their ids by 标识码. */
export async function insertSites(trx: Trx, at: Date, sites: readonly NewSiteRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(sites, 500)) {
    const rows = await trx
      .insertInto('sites')
      .values(
        part.map((s) => ({
          ...siteColumns(s.record.info),
          site_code: s.record.siteCode,
          columns: JSON.stringify(s.record.columns),
          run_status: s.record.runStatus as never,
          check_code_hash: s.checkCodeHash,
          check_code_enc: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning(['id', 'site_code'])
      .execute();
    for (const r of rows) ids.set(r.site_code ?? '', r.id);
  }
  return ids;
}

/** Rewrites one site from the file (compare-and-set on its version); false when it changed meanwhile. */
export async function updateSite(
  trx: Trx,
  at: Date,
  site: { id: number; version: number; record: RegisterRecord },
): Promise<boolean> {
  const result = await trx
    .updateTable('sites')
    .set((eb) => ({
      ...siteColumns(site.record.info),
      columns: JSON.stringify(site.record.columns),
      run_status: site.record.runStatus as never,
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', site.id)
    .where('version', '=', site.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Sets the 其他域名 of the given sites (`fresh`: new sites, which have none yet); hosts still held by closed or deleted
 * sites are released first.
 */
export async function writeDomains(
  trx: Trx,
  domains: readonly { siteId: number; hosts: readonly string[] }[],
  fresh: boolean,
) {
  if (!fresh) {
    for (const part of chunks(domains.map((d) => d.siteId))) {
      await trx.deleteFrom('site_domains').where('site_id', 'in', part).execute();
    }
  }
  const rows = domains.flatMap((d) => d.hosts.map((host) => ({ host, site_id: d.siteId })));
  for (const part of chunks(rows)) {
    await trx
      .deleteFrom('site_domains')
      .where(
        'host',
        'in',
        part.map((r) => r.host),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('sites')
            .select('sites.id')
            .whereRef('sites.id', '=', 'site_domains.site_id')
            .where('sites.run_status', 'in', FREED_RUN_STATUSES),
        ),
      )
      .execute();
    await trx.insertInto('site_domains').values(part).execute();
  }
}

/** Moves each org's 标识码 counter to at least its highest imported number (never backwards). */
export async function raiseSequences(trx: Trx, highest: ReadonlyMap<string, number>): Promise<void> {
  if (highest.size === 0) return;
  const sorted = [...highest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const part of chunks(sorted)) {
    await sql`
      INSERT INTO site_sequences (org_code, last_seq)
      SELECT v.org_code, v.n FROM (VALUES ${valuesList(part.map(([org, n]) => [sql`${org}::text`, sql`${n}::int`]))}) AS v(org_code, n)
      ORDER BY v.org_code
      ON CONFLICT (org_code) DO UPDATE SET last_seq = GREATEST(site_sequences.last_seq, excluded.last_seq)`.execute(
      trx,
    );
  }
}

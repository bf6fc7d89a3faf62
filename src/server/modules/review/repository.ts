// Database reads of the site list: every site and application in the viewer's subtree with its open/latest request,
// filtered, sorted and paged in SQL; keyset batches for the full export.
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { RunStatus } from '../../../db/schema.ts';
import { type ShownRequest, shownRequests } from '../../../domain/open-requests.ts';
import type { Db } from '../../context.ts';
import { linkHealthMatches } from '../link-checks/health-sql.ts';
import { inSubtree, likePattern, prefixPattern } from '../org-units/repository.ts';
import type { RequestCore, Viewer } from '../requests/repository.ts';
import type { SiteFilters } from './schema.ts';
import { ENDED_AT_SQL, ENDED_SQL, OPEN_SQL, orgStatusCondition, shownRequestMatches } from './status-filter-sql.ts';

export interface SiteListRow {
  id: number;
  siteCode: string | null;
  name: string;
  homeUrl: string;
  orgCode: string;
  orgLevel: number;
  orgName: string;
  level1Name: string | null;
  level2Name: string | null;
  level3Name: string | null;
  sponsorName: string;
  isPortal: boolean;
  isServicePlatform: boolean;
  runStatus: RunStatus;
  runStatusUntil: string | null;
  updatedAt: Date;
  waitingForMe: boolean;
  /** The first of `requests` (the open non-emergency one, else the open emergency, else the one ended last). */
  request: ListRequest | null;
  /** Every request the row shows (SPEC §16 item 20: an emergency offline may be open beside one other request). */
  requests: ListRequest[];
}

export interface ListRequest extends ShownRequest, RequestCore {
  /** Mutable as in RequestCore (ShownRequest's is readonly: both must agree here). */
  chain: string[];
  /** When the current step began: 逾期 is computed from it (issue 9). */
  stepEnteredAt?: Date;
}

/** 待我审核: some request of the site waits for `me` (an uncorrelated set, hashed once per query). */
const waiting = (me: string) => sql<boolean>`(s.id IN (SELECT w.site_id FROM requests w WHERE w.current_org = ${me}))`;

/**
 * The requests a row shows (a LATERAL aggregate on `s`, one row per site): every open one, and the one that ended
 * last (by when it was decided, not by id). shownRequests() of src/domain/open-requests.ts picks among them; the
 * filters' SQL twin is shownRequestMatches() in status-filter-sql.ts.
 */
function shownRequestsOf() {
  return sql<ListRequestJson[]>`(SELECT coalesce(jsonb_agg(jsonb_build_object(
      'id', x.id, 'type', x.type, 'state', x.state, 'chain', x.chain, 'stepIndex', x.step_index,
      'currentOrg', x.current_org, 'version', x.version, 'stepEnteredAt', x.step_entered_at, 'endedAt', x.ended_at)
      ORDER BY x.id), '[]'::jsonb)
    FROM (
      SELECT rq.id, rq.type, rq.state, rq.chain, rq.step_index, rq.current_org, rq.version, rq.step_entered_at,
        NULL::timestamptz AS ended_at
      FROM requests rq WHERE rq.site_id = s.id AND rq.state IN ${OPEN_SQL}
      UNION ALL
      (SELECT rq.id, rq.type, rq.state, rq.chain, rq.step_index, rq.current_org, rq.version, rq.step_entered_at,
        ${ENDED_AT_SQL} AS ended_at
      FROM requests rq WHERE rq.site_id = s.id AND rq.state IN ${ENDED_SQL}
      ORDER BY ${ENDED_AT_SQL} DESC, rq.id DESC LIMIT 1)
    ) x)`;
}

/** A request as the lateral aggregate returns it (jsonb: timestamps as text). */
interface ListRequestJson extends RequestCore {
  stepEnteredAt: string;
  endedAt: string | null;
}

/**
 * Fuzzy match of a text column. ILIKE lower-cases every row it tests (about 3× the cost of LIKE on UTF-8); when the
 * search text has no cased characters (Chinese, digits) both match the same rows, so LIKE is used. Both can use the
 * pg_trgm indexes, but a 2-character Chinese term has no trigram: for the name, the bigram index of migration 0013
 * (text_bigrams: the distinct 2-character substrings of the lower-cased text) finds the candidates first. A name
 * matches only if it contains all the term's bigrams, so the rows are the same.
 */
function contains(
  column: 's.name' | 's.home_url' | 's.sponsor_name',
  text: string,
  bigrams = true,
): RawBuilder<SqlBool> {
  const caseless = text.toLowerCase() === text && text.toUpperCase() === text;
  const match = sql<SqlBool>`${sql.ref(column)} ${sql.raw(caseless ? 'LIKE' : 'ILIKE')} ${likePattern(text)}`;
  if (column !== 's.name' || [...text].length < 2 || !bigrams) return match;
  return sql<SqlBool>`(text_bigrams(s.name) @> text_bigrams(${text}) AND ${match})`;
}

/** `bigrams: false`: the name is tested by LIKE alone (on index entries, in the org walk of pageKeys()). */
function filterConditions(viewer: Viewer, f: SiteFilters, bigrams = true): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (f.name) c.push(contains('s.name', f.name, bigrams));
  if (f.siteCode) c.push(sql`s.site_code ILIKE ${prefixPattern(f.siteCode)}`);
  if (f.homeUrl) c.push(contains('s.home_url', f.homeUrl));
  if (f.sponsor) c.push(contains('s.sponsor_name', f.sponsor));
  // 省/市/县: the most specific org chosen; its subtree is every org whose path holds its code.
  const area = f.county ?? f.city ?? f.province;
  if (area) c.push(sql`o.path LIKE ${likePattern(`/${area}/`)}`);
  if (f.isPortal !== undefined) c.push(sql`s.is_portal = ${f.isPortal}`);
  if (f.isServicePlatform !== undefined) c.push(sql`s.is_service_platform = ${f.isServicePlatform}`);
  if (f.runStatus) c.push(sql`s.run_status = ${f.runStatus}`);
  else if (!f.includeDeleted) c.push(sql`s.run_status <> 'DELETED'`);
  if (f.orgStatus) c.push(shownRequestMatches(orgStatusCondition(f.orgStatus, viewer.orgCode)));
  if (f.requestType) c.push(shownRequestMatches(sql`r.type = ${f.requestType}`));
  if (f.waitingForMe) c.push(waiting(viewer.orgCode));
  if (f.linkHealth) c.push(linkHealthMatches(f.linkHealth));
  return c;
}

/** The scoped FROM: sites of the subtree with their org; request filters are semi-joins (no per-row LATERAL). */
function scopedSites(db: Db, viewer: Viewer, filters: SiteFilters | null) {
  return (
    db
      .selectFrom('sites as s')
      .innerJoin('org_units as o', 'o.code', 's.org_code')
      .where(inSubtree('o.path', viewer.orgPath))
      // A withdrawn application marks its site WITHDRAWN; applications are never stored as drafts.
      .where('s.run_status', '<>', 'WITHDRAWN')
      .where((eb) => eb.and(filters ? filterConditions(viewer, filters) : []))
  );
}

interface SortKeyDef {
  expr: RawBuilder<unknown>;
  type: 'boolean' | 'timestamptz' | 'text' | 'integer';
}

/** Two sort keys, then the id, all in one direction (so a row comparison gives the keyset condition). */
function sortKeys(filters: SiteFilters, me: string): { keys: [SortKeyDef, SortKeyDef]; dir: 'asc' | 'desc' } {
  // Not a bare 0: in ORDER BY that would mean "column 0".
  const none: SortKeyDef = { expr: sql`CAST(0 AS integer)`, type: 'integer' };
  const updated: SortKeyDef = { expr: sql`s.updated_at`, type: 'timestamptz' };
  switch (filters.sort) {
    case 'default':
      return { keys: [{ expr: waiting(me), type: 'boolean' }, updated], dir: 'desc' };
    case 'updatedAt':
      return { keys: [none, updated], dir: filters.order };
    case 'name':
      return { keys: [none, { expr: sql`s.name`, type: 'text' }], dir: filters.order };
    case 'siteCode':
      return { keys: [none, { expr: sql`coalesce(s.site_code, '')`, type: 'text' }], dir: filters.order };
  }
}

/**
 * Whether pageKeys() walks the scope unit by unit: a page (not a keyset batch or one site) in update order, below the
 * whole tree, with filters the index entries answer (a unit, run status, a one-character name; flags are read from
 * the row); a longer name goes through its bigram index, which finds the few candidates faster than any walk.
 * Request filters (申报状态, 申请类型, 待我审核, 链接健康) are sets of a few rows, joined instead; 标识码, 网址 and
 * 主办单位 have their trigram indexes.
 */
function walksUnits(viewer: Viewer, f: SiteFilters, page: PageSpec): boolean {
  if (page.after || page.siteId !== undefined) return false;
  if (f.sort !== 'default' && f.sort !== 'updatedAt') return false;
  if (f.orgStatus || f.requestType || f.waitingForMe || f.linkHealth) return false;
  if (f.siteCode || f.homeUrl || f.sponsor) return false;
  if (f.name && [...f.name].length >= 2) return false;
  const belowRoot = viewer.orgPath.split('/').filter(Boolean).length > 1;
  return belowRoot || Boolean(f.county ?? f.city ?? f.province);
}

interface PageKey {
  id: number;
  k1: unknown;
  k2: unknown;
}

type PageSpec = { limit: number; offset?: number; after?: readonly string[]; siteId?: number };

/**
 * The page's ids and sort keys, chosen on the scoped sites alone. The default order's first key (待我审核) is computed,
 * so no index gives it: the rows waiting for the viewer (a few) and the others are taken apart, each in (updated_at,
 * id) order, which an index walk of the scope gives and a LIMIT stops early; the page is then cut from their union.
 */
function pageKeys(db: Db, viewer: Viewer, filters: SiteFilters, page: PageSpec) {
  const { keys, dir } = sortKeys(filters, viewer.orgCode);
  const [k1, k2] = keys;
  const op = sql.raw(dir === 'desc' ? '<' : '>');
  const after = page.after;
  const afterValues = after
    ? [...keys, { type: 'integer' }].map((k, i) => sql`CAST(${after[i] ?? null} AS ${sql.raw(k.type)})`)
    : null;
  const branch = (first: RawBuilder<unknown>, waitingSide?: boolean) => {
    let q = scopedSites(db, viewer, filters).select(['s.id', first.as('k1'), k2.expr.as('k2')]);
    if (waitingSide !== undefined) {
      const w = waiting(viewer.orgCode);
      q = q.where(waitingSide ? w : sql<SqlBool>`NOT ${w}`);
    }
    if (page.siteId !== undefined) q = q.where('s.id', '=', page.siteId);
    if (afterValues) q = q.where(sql<boolean>`(${first}, ${k2.expr}, s.id) ${op} (${sql.join(afterValues)})`);
    return q.orderBy(k2.expr, dir).orderBy('s.id', dir);
  };
  const end = (page.offset ?? 0) + page.limit;
  // Below the root, the common filters walk the scope's units (org path index) and, per unit, its sites in list order
  // (sites_org_list_idx: org, updated_at, id, with run status and name): index-only, at most `end` entries a unit.
  // The planner would rather walk sites_updated_idx of the whole register and drop the other units' rows, which is
  // fast only while recent rows are in scope (a province's 正常 sites: 19,000 heap rows read for 20).
  const walk = (first: RawBuilder<unknown>, notWaiting: boolean) => {
    const perUnit = db
      .selectFrom('sites as s')
      .select(['s.id', first.as('k1'), k2.expr.as('k2')])
      .where(sql<SqlBool>`s.org_code = o.code`)
      .where('s.run_status', '<>', 'WITHDRAWN')
      .where((eb) => eb.and(filterConditions(viewer, filters, false)))
      .where(notWaiting ? sql<SqlBool>`NOT ${waiting(viewer.orgCode)}` : sql<SqlBool>`true`)
      .orderBy(k2.expr, dir)
      .orderBy('s.id', dir)
      .limit(end);
    return db
      .selectFrom('org_units as o')
      .innerJoinLateral(perUnit.as('x'), (j) => j.onTrue())
      .select(['x.id', 'x.k1', 'x.k2'])
      .where(inSubtree('o.path', viewer.orgPath))
      .orderBy('x.k2', dir)
      .orderBy('x.id', dir)
      .limit(end);
  };
  const walks = walksUnits(viewer, filters, page);
  const ranked =
    filters.sort === 'default'
      ? sql<PageKey>`((${branch(sql`true`, true).limit(end)}) UNION ALL (${
          walks ? walk(sql`false`, true) : branch(sql`false`, false).limit(end)
        }))`
      : sql<PageKey>`(${walks ? walk(k1.expr, false) : branch(k1.expr).limit(end)})`;
  return db
    .selectFrom(ranked.as('u'))
    .select(['u.id', 'u.k1', 'u.k2'])
    .orderBy('u.k1', dir)
    .orderBy('u.k2', dir)
    .orderBy('u.id', dir)
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

/**
 * The name of the org at `part` of `o.path`: an index lookup per row of the page, not a hash of the whole tree. The
 * path is COLLATE "C" (for its prefix index); the code is compared in the code's own collation, or its index is unused.
 */
const ancestorName = (part: number) =>
  sql<string | null>`(SELECT a.display_name FROM org_units a
    WHERE a.code = split_part(o.path, '/', ${sql.lit(part)}) COLLATE "default")`;

/**
 * Rows in list order, in two phases: the page (ids and sort keys) is chosen on the scoped sites alone, then only its
 * rows get the shown requests, the ancestor names and the keyset cursor.
 */
function selectRows(db: Db, viewer: Viewer, filters: SiteFilters, page: PageSpec) {
  const { dir } = sortKeys(filters, viewer.orgCode);
  return db
    .selectFrom(pageKeys(db, viewer, filters, page).as('pg'))
    .innerJoin('sites as s', 's.id', 'pg.id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select([
      's.id',
      's.site_code',
      's.name',
      's.home_url',
      's.org_code',
      'o.level as org_level',
      'o.display_name as org_name',
      ancestorName(3).as('l1'),
      ancestorName(4).as('l2'),
      ancestorName(5).as('l3'),
      's.sponsor_name',
      's.is_portal',
      's.is_service_platform',
      's.run_status',
      sql<string | null>`to_char(s.run_status_until, 'YYYY-MM-DD')`.as('run_status_until'),
      's.updated_at as last_updated',
      waiting(viewer.orgCode).as('waiting'),
      shownRequestsOf().as('requests'),
      sql<string[]>`ARRAY[pg.k1::text, pg.k2::text, pg.id::text]`.as('cursor'),
      'pg.k1',
      'pg.k2',
    ])
    .orderBy('pg.k1', dir)
    .orderBy('pg.k2', dir)
    .orderBy('pg.id', dir);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

function toListRequest(j: ListRequestJson): ListRequest {
  return {
    id: j.id,
    type: j.type,
    state: j.state,
    chain: j.chain ?? [],
    stepIndex: j.stepIndex,
    currentOrg: j.currentOrg,
    version: j.version,
    endedAt: j.endedAt ? new Date(j.endedAt) : null,
    ...(j.stepEnteredAt ? { stepEnteredAt: new Date(j.stepEnteredAt) } : {}),
  };
}

function toListRow(r: RawRow): SiteListRow {
  const requests = shownRequests((r.requests ?? []).map(toListRequest));
  return {
    id: r.id,
    siteCode: r.site_code,
    name: r.name,
    homeUrl: r.home_url,
    orgCode: r.org_code,
    orgLevel: r.org_level,
    orgName: r.org_name,
    level1Name: r.l1,
    level2Name: r.l2,
    level3Name: r.l3,
    sponsorName: r.sponsor_name,
    isPortal: r.is_portal,
    isServicePlatform: r.is_service_platform,
    runStatus: r.run_status,
    runStatusUntil: r.run_status_until,
    updatedAt: new Date(r.last_updated),
    waitingForMe: r.waiting,
    request: requests[0] ?? null,
    requests,
  };
}

/**
 * Rows counted exactly for the list's total: past it the list says 「超过 N 条」 (as large registries do) instead of
 * counting a whole province or the whole tree on every page; the page being shown is always within the count.
 */
export const LIST_COUNT_CAP = 2000;

export interface SiteRowsPage {
  rows: SiteListRow[];
  /** Matching rows, counted up to the cap (or to the end of the page shown): a lower bound when not exact. */
  total: number;
  totalExact: boolean;
  /** Rows of the subtree waiting for the viewer's unit (the 「待我审核」 count), whatever the filters. */
  waitingCount: number;
}

/**
 * One page of the list, its (capped) total and the 「待我审核」 count in one statement: the two counts are computed
 * once on a one-row FROM and the page joined to it laterally (so an empty page still carries them).
 * `countUpTo`: count exactly up to this many rows (Infinity: exactly, as the full export's header needs).
 */
export async function listSiteRows(
  db: Db,
  viewer: Viewer,
  filters: SiteFilters,
  page: number,
  pageSize: number,
  options: { countUpTo?: number } = {},
): Promise<SiteRowsPage> {
  const offset = (page - 1) * pageSize;
  const countUpTo = Math.max(options.countUpTo ?? LIST_COUNT_CAP, offset + pageSize);
  const matching = scopedSites(db, viewer, filters).select(sql<number>`1`.as('one'));
  const counted = Number.isFinite(countUpTo) ? matching.limit(countUpTo + 1) : matching;
  const { dir } = sortKeys(filters, viewer.orgCode);
  const result = await db
    .selectFrom(
      db
        .selectNoFrom([
          sql<number>`(SELECT count(*)::int FROM (${counted}) AS m)`.as('total'),
          sql<number>`(${waitingCountQuery(db, viewer)})`.as('waiting_count'),
        ])
        .as('c'),
    )
    .leftJoinLateral(selectRows(db, viewer, filters, { limit: pageSize, offset }).as('r'), (j) => j.onTrue())
    .selectAll('r')
    .select(['c.total', 'c.waiting_count'])
    .orderBy('r.k1', dir)
    .orderBy('r.k2', dir)
    .orderBy('r.id', dir)
    .execute();
  const first = result[0];
  const total = first?.total ?? 0;
  return {
    rows: result.filter((r): r is RawRow & typeof r => r.id !== null).map(toListRow),
    total: Math.min(total, countUpTo),
    totalExact: total <= countUpTo,
    waitingCount: first?.waiting_count ?? 0,
  };
}

/** Rows of the subtree waiting for the viewer's unit (the 「待我审核」 count). */
function waitingCountQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(sql<number>`count(DISTINCT s.id)::int`.as('n'))
    .where('r.current_org', '=', viewer.orgCode)
    .where(inSubtree('o.path', viewer.orgPath))
    .where('s.run_status', 'not in', ['WITHDRAWN', 'DELETED']);
}

/** All filtered rows in list order, `batchSize` at a time by keyset (no OFFSET), at most `limit` rows. */
export async function* iterateSiteRows(
  db: Db,
  viewer: Viewer,
  filters: SiteFilters,
  batchSize: number,
  limit: number,
): AsyncGenerator<SiteListRow[]> {
  let cursor: string[] | undefined;
  let seen = 0;
  while (seen < limit) {
    const size = Math.min(batchSize, limit - seen);
    const rows = await selectRows(db, viewer, filters, { limit: size, after: cursor }).execute();
    if (rows.length === 0) return;
    seen += rows.length;
    cursor = rows[rows.length - 1]?.cursor;
    yield rows.map(toListRow);
    if (rows.length < size) return;
  }
}

/** One site of the viewer's subtree (WITHDRAWN entries excluded), with the list columns. */
export async function findSiteRow(db: Db, viewer: Viewer, siteId: number): Promise<SiteListRow | null> {
  const filters: SiteFilters = { sort: 'default', order: 'desc', includeDeleted: true };
  const row = await selectRows(db, viewer, filters, { limit: 1, siteId }).executeTakeFirst();
  return row ? toListRow(row) : null;
}

/** 其他域名 of the given sites (already scoped by the caller's list query), by site id, each list sorted. */
export async function otherDomainsBySiteIds(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('site_domains')
    .select(['site_id', 'host'])
    .where('site_id', 'in', [...ids])
    .orderBy('site_id')
    .orderBy('host')
    .execute();
  for (const r of rows) out.set(r.site_id, [...(out.get(r.site_id) ?? []), r.host]);
  return out;
}

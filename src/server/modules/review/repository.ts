// Database reads of the site list: every site and application in the viewer's subtree with its open/latest request,
// filtered, sorted and paged in SQL; keyset batches for the full export.
import { type CompiledQuery, type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { RunStatus } from '../../../db/schema.ts';
import { type ShownRequest, shownRequests } from '../../../domain/open-requests.ts';
import type { Db } from '../../context.ts';
import { type Binder, bindNow, StatementCache } from '../../statement-cache.ts';
import { linkHealthMatches } from '../link-checks/health-sql.ts';
import type { LinkHealthSummary } from '../link-checks/repository.ts';
import { likePattern, prefixPattern, subtreeEnd } from '../org-units/repository.ts';
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
  /** The latest link check (read with the list's page only; null when never checked or not read). */
  linkHealth: ListLinkHealth | null;
}

/** The figures of a site's latest link check that the list's 链接健康 column shows. */
export type ListLinkHealth = Omit<LinkHealthSummary, 'siteId' | 'flaggedSince'>;

export interface ListRequest extends ShownRequest, RequestCore {
  /** Mutable as in RequestCore (ShownRequest's is readonly: both must agree here). */
  chain: string[];
  /** When the current step began: 逾期 is computed from it (issue 9). */
  stepEnteredAt?: Date;
}

/**
 * Everything a list statement reads of one call: the caller, the filters and which rows. Builders below read it only
 * through a Binder (the values, as parameters) and a ListShape (what decides the text), so a statement is compiled
 * once per shape and reused with each call's parameters (StatementCache).
 */
export interface ListArgs {
  viewer: Viewer;
  filters: SiteFilters;
  page: PageSpec;
  /** The page statement: count the matching rows up to this many (Infinity: all). */
  countUpTo?: number;
  /** Join each row's link_health (the list's 链接健康 column) in the same statement. */
  health?: boolean;
  /** Return each row's keyset cursor (the export's batches). */
  cursor?: boolean;
}

type Bind = Binder<ListArgs>;

/** Whether the search text has no cased characters (Chinese, digits): LIKE then matches the rows ILIKE would. */
const isCaseless = (text: string) => text.toLowerCase() === text && text.toUpperCase() === text;

function textShape(text: string | undefined) {
  return text ? { caseless: isCaseless(text), chars: Math.min([...text].length, 2) } : null;
}
type TextShape = NonNullable<ReturnType<typeof textShape>>;

function isBelowRoot(viewer: Viewer): boolean {
  return viewer.orgPath.split('/').filter(Boolean).length > 1;
}

/** What decides a list statement's text, never a value it sends: the cache key of the statements. */
export function listShape(a: ListArgs) {
  const f = a.filters;
  return {
    name: textShape(f.name),
    siteCode: Boolean(f.siteCode),
    homeUrl: textShape(f.homeUrl),
    sponsor: textShape(f.sponsor),
    area: Boolean(f.county ?? f.city ?? f.province),
    isPortal: f.isPortal !== undefined,
    isServicePlatform: f.isServicePlatform !== undefined,
    runStatus: Boolean(f.runStatus),
    includeDeleted: Boolean(f.includeDeleted),
    orgStatus: f.orgStatus ?? null,
    requestType: Boolean(f.requestType),
    waitingForMe: Boolean(f.waitingForMe),
    linkHealth: f.linkHealth ?? null,
    sort: f.sort,
    order: f.order,
    after: a.page.after !== undefined,
    siteId: a.page.siteId !== undefined,
    walks: walksUnits(a.viewer, f, a.page),
    belowRoot: isBelowRoot(a.viewer),
    count: a.countUpTo === undefined ? null : Number.isFinite(a.countUpTo) ? 'capped' : 'all',
    health: Boolean(a.health),
    cursor: Boolean(a.cursor),
  } as const;
}
type ListShape = ReturnType<typeof listShape>;

/**
 * Whether a page statement of this shape runs prepared (src/db/prepared.ts), so PostgreSQL may keep a generic plan
 * instead of planning it on every request (planning took longer than running it: 3.0 ms against 1.8 ms). Only the
 * common filters below the root — the level's scope, 运行状态, the name, 省/市/县, the flags, in update order — whose
 * generic plan was measured as good as the custom one: scope by a range of the path index, the name by its bigram
 * index (the name has no trigram index since migration 0023, so its LIKE is only a test of the row, whose term a
 * generic plan cannot see). The whole tree, the request filters and the other text columns keep a plan
 * made for their values (their generic plans were 1.3–4× slower).
 */
function preparedShape(s: ListShape): boolean {
  return (
    s.belowRoot &&
    !s.siteCode &&
    !s.homeUrl &&
    !s.sponsor &&
    !s.orgStatus &&
    !s.requestType &&
    !s.waitingForMe &&
    !s.linkHealth &&
    !s.after &&
    !s.siteId &&
    !s.cursor &&
    s.count === 'capped' &&
    (s.sort === 'default' || s.sort === 'updatedAt')
  );
}

/**
 * The caller's subtree (inSubtree() of org-units) as a range of two parameters, which the path index serves in a
 * generic plan too (a prepared statement's, see `preparedShape`).
 */
const inScope = (b: Bind, column: 'o.path') =>
  sql<SqlBool>`(${sql.ref(column)} >= ${b.value((a) => a.viewer.orgPath)} AND ${sql.ref(column)} < ${b.value((a) => subtreeEnd(a.viewer.orgPath))})`;

/** The caller's unit code, as a parameter. */
const me = (b: Bind) => b.value((a) => a.viewer.orgCode);

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

type TextColumn = 's.name' | 's.home_url' | 's.sponsor_name';

/**
 * Fuzzy match of a text column. ILIKE lower-cases every row it tests (about 3× the cost of LIKE on UTF-8); when the
 * search text has no cased characters (Chinese, digits) both match the same rows, so LIKE is used. Both can use the
 * pg_trgm indexes of the address and the sponsor, but a 2-character Chinese term has no trigram: the name has the
 * bigram index of migration 0013 instead (text_bigrams: the distinct 2-character substrings of the lower-cased text;
 * its trigram index was dropped by 0023), which finds the candidates first. A name matches only if it contains all
 * the term's bigrams, so the rows are the same.
 */
function contains(
  b: Bind,
  column: TextColumn,
  shape: TextShape,
  text: (f: SiteFilters) => string | undefined,
  bigrams = true,
): RawBuilder<SqlBool> {
  const pattern = b.value((a) => likePattern(text(a.filters) ?? ''));
  const match = sql<SqlBool>`${sql.ref(column)} ${sql.raw(shape.caseless ? 'LIKE' : 'ILIKE')} ${pattern}`;
  if (column !== 's.name' || shape.chars < 2 || !bigrams) return match;
  return sql<SqlBool>`(text_bigrams(s.name) @> text_bigrams(${b.value((a) => text(a.filters) ?? '')}) AND ${match})`;
}

/** `bigrams: false`: the name is tested by LIKE alone (on index entries, in the org walk of pageKeys()). */
function filterConditions(b: Bind, s: ListShape, bigrams = true): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (s.name) c.push(contains(b, 's.name', s.name, (f) => f.name, bigrams));
  if (s.siteCode) c.push(sql`s.site_code ILIKE ${b.value((a) => prefixPattern(a.filters.siteCode ?? ''))}`);
  if (s.homeUrl) c.push(contains(b, 's.home_url', s.homeUrl, (f) => f.homeUrl));
  if (s.sponsor) c.push(contains(b, 's.sponsor_name', s.sponsor, (f) => f.sponsor));
  // 省/市/县: the most specific org chosen; its subtree is every org whose path holds its code.
  if (s.area) {
    c.push(sql`o.path LIKE ${b.value(({ filters: f }) => likePattern(`/${f.county ?? f.city ?? f.province}/`))}`);
  }
  if (s.isPortal) c.push(sql`s.is_portal = ${b.value((a) => a.filters.isPortal)}`);
  if (s.isServicePlatform) c.push(sql`s.is_service_platform = ${b.value((a) => a.filters.isServicePlatform)}`);
  if (s.runStatus) c.push(sql`s.run_status = ${b.value((a) => a.filters.runStatus)}`);
  else if (!s.includeDeleted) c.push(sql`s.run_status <> 'DELETED'`);
  if (s.orgStatus) c.push(shownRequestMatches(orgStatusCondition(s.orgStatus, me(b))));
  if (s.requestType) c.push(shownRequestMatches(sql`r.type = ${b.value((a) => a.filters.requestType)}`));
  if (s.waitingForMe) c.push(waiting(me(b)));
  if (s.linkHealth) c.push(linkHealthMatches(s.linkHealth));
  return c;
}

/** The scoped FROM: sites of the subtree with their org; request filters are semi-joins (no per-row LATERAL). */
function scopedSites(db: Db, b: Bind, s: ListShape) {
  return (
    db
      .selectFrom('sites as s')
      .innerJoin('org_units as o', 'o.code', 's.org_code')
      .where(inScope(b, 'o.path'))
      // A withdrawn application marks its site WITHDRAWN; applications are never stored as drafts.
      .where('s.run_status', '<>', 'WITHDRAWN')
      .where((eb) => eb.and(filterConditions(b, s)))
  );
}

interface SortKeyDef {
  expr: RawBuilder<unknown>;
  type: 'boolean' | 'timestamptz' | 'text' | 'integer';
}

/** Two sort keys, then the id, all in one direction (so a row comparison gives the keyset condition). */
function sortKeys(s: ListShape, me: string): { keys: [SortKeyDef, SortKeyDef]; dir: 'asc' | 'desc' } {
  // Not a bare 0: in ORDER BY that would mean "column 0".
  const none: SortKeyDef = { expr: sql`CAST(0 AS integer)`, type: 'integer' };
  const updated: SortKeyDef = { expr: sql`s.updated_at`, type: 'timestamptz' };
  switch (s.sort) {
    case 'default':
      return { keys: [{ expr: waiting(me), type: 'boolean' }, updated], dir: 'desc' };
    case 'updatedAt':
      return { keys: [none, updated], dir: s.order };
    case 'name':
      return { keys: [none, { expr: sql`s.name`, type: 'text' }], dir: s.order };
    case 'siteCode':
      return { keys: [none, { expr: sql`coalesce(s.site_code, '')`, type: 'text' }], dir: s.order };
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
  return isBelowRoot(viewer) || Boolean(f.county ?? f.city ?? f.province);
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
function pageKeys(db: Db, b: Bind, s: ListShape) {
  const { keys, dir } = sortKeys(s, me(b));
  const [k1, k2] = keys;
  const op = sql.raw(dir === 'desc' ? '<' : '>');
  const afterValues = s.after
    ? [...keys, { type: 'integer' }].map(
        (k, i) => sql`CAST(${b.value((a) => a.page.after?.[i] ?? null)} AS ${sql.raw(k.type)})`,
      )
    : null;
  const branch = (first: RawBuilder<unknown>, waitingSide?: boolean) => {
    let q = scopedSites(db, b, s).select(['s.id', first.as('k1'), k2.expr.as('k2')]);
    if (waitingSide !== undefined) {
      const w = waiting(me(b));
      q = q.where(waitingSide ? w : sql<SqlBool>`NOT ${w}`);
    }
    if (s.siteId)
      q = q.where(
        's.id',
        '=',
        b.value((a) => a.page.siteId ?? 0),
      );
    if (afterValues) q = q.where(sql<boolean>`(${first}, ${k2.expr}, s.id) ${op} (${sql.join(afterValues)})`);
    return q.orderBy(k2.expr, dir).orderBy('s.id', dir);
  };
  const end = () => b.value((a) => (a.page.offset ?? 0) + a.page.limit);
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
      .where((eb) => eb.and(filterConditions(b, s, false)))
      .where(notWaiting ? sql<SqlBool>`NOT ${waiting(me(b))}` : sql<SqlBool>`true`)
      .orderBy(k2.expr, dir)
      .orderBy('s.id', dir)
      .limit(end());
    return db
      .selectFrom('org_units as o')
      .innerJoinLateral(perUnit.as('x'), (j) => j.onTrue())
      .select(['x.id', 'x.k1', 'x.k2'])
      .where(inScope(b, 'o.path'))
      .orderBy('x.k2', dir)
      .orderBy('x.id', dir)
      .limit(end());
  };
  const ranked =
    s.sort === 'default'
      ? sql<PageKey>`((${branch(sql`true`, true).limit(end())}) UNION ALL (${
          s.walks ? walk(sql`false`, true) : branch(sql`false`, false).limit(end())
        }))`
      : sql<PageKey>`(${s.walks ? walk(k1.expr, false) : branch(k1.expr).limit(end())})`;
  return db
    .selectFrom(ranked.as('u'))
    .select(['u.id', 'u.k1', 'u.k2'])
    .orderBy('u.k1', dir)
    .orderBy('u.k2', dir)
    .orderBy('u.id', dir)
    .limit(b.value((a) => a.page.limit))
    .offset(b.value((a) => a.page.offset ?? 0));
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
 * rows get the shown requests, the ancestor names, their link_health (a primary-key join; NULLs when never checked)
 * and the keyset cursor.
 */
function selectRows(db: Db, b: Bind, s: ListShape) {
  const { dir } = sortKeys(s, me(b));
  const noTime = sql<Date | null>`NULL::timestamptz`;
  const noInt = sql<number | null>`NULL::int`;
  const noBool = sql<boolean | null>`NULL::boolean`;
  return db
    .selectFrom(pageKeys(db, b, s).as('pg'))
    .innerJoin('sites as s', 's.id', 'pg.id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .$if(s.health, (q) => q.leftJoin('link_health as h', 'h.site_id', 's.id'))
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
      waiting(me(b)).as('waiting'),
      shownRequestsOf().as('requests'),
      (s.cursor ? sql<string[] | null>`ARRAY[pg.k1::text, pg.k2::text, pg.id::text]` : sql<null>`NULL`).as('cursor'),
      (s.health ? sql<Date | null>`h.last_checked_at` : noTime).as('h_checked_at'),
      (s.health ? sql<boolean | null>`h.home_ok` : noBool).as('h_home_ok'),
      (s.health ? sql<number | null>`h.home_consecutive_failures` : noInt).as('h_home_failures'),
      (s.health ? sql<boolean | null>`h.flagged` : noBool).as('h_flagged'),
      (s.health ? sql<number | null>`h.urls_total` : noInt).as('h_urls_total'),
      (s.health ? sql<number | null>`h.urls_failed` : noInt).as('h_urls_failed'),
      (s.health ? sql<number | null>`h.footer_problems` : noInt).as('h_footer_problems'),
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

function healthOf(r: RawRow): ListLinkHealth | null {
  if (r.h_checked_at === null) return null;
  return {
    lastCheckedAt: r.h_checked_at,
    homeOk: r.h_home_ok ?? false,
    homeConsecutiveFailures: r.h_home_failures ?? 0,
    flagged: r.h_flagged ?? false,
    urlsTotal: r.h_urls_total ?? 0,
    urlsFailed: r.h_urls_failed ?? 0,
    footerProblems: r.h_footer_problems ?? 0,
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
    linkHealth: healthOf(r),
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
 * The page statement: the (capped) count and the 「待我审核」 count computed once on a one-row FROM, and the page
 * (with each row's link_health) joined to it laterally, so an empty page still carries them.
 */
function pageStatement(db: Db, b: Bind, s: ListShape) {
  const matching = scopedSites(db, b, s).select(sql<number>`1`.as('one'));
  const counted = s.count === 'capped' ? matching.limit(b.value((a) => (a.countUpTo ?? 0) + 1)) : matching;
  const { dir } = sortKeys(s, me(b));
  return db
    .selectFrom(
      db
        .selectNoFrom([
          sql<number>`(SELECT count(*)::int FROM (${counted}) AS m)`.as('total'),
          sql<number>`(${waitingCountQuery(db, b)})`.as('waiting_count'),
        ])
        .as('c'),
    )
    .leftJoinLateral(selectRows(db, b, s).as('r'), (j) => j.onTrue())
    .selectAll('r')
    .select(['c.total', 'c.waiting_count'])
    .orderBy('r.k1', dir)
    .orderBy('r.k2', dir)
    .orderBy('r.id', dir);
}

type PageStatementRow = Awaited<ReturnType<ReturnType<typeof pageStatement>['execute']>>[number];

const pageStatements = new StatementCache<Db, ListArgs, ListShape, PageStatementRow>(pageStatement, {
  prepared: preparedShape,
});

/** The page statement of `args`, from the cache; `fresh`: built for this call alone (what the cache must equal). */
export function listPageStatement(db: Db, args: ListArgs, fresh = false): CompiledQuery<PageStatementRow> {
  const shape = listShape(args);
  return fresh ? pageStatement(db, bindNow(args), shape).compile() : pageStatements.compile(db, shape, args);
}

/**
 * One page of the list, its (capped) total, the 「待我审核」 count and the rows' link health in one statement,
 * compiled once per shape. `countUpTo`: count exactly up to this many rows (Infinity: exactly, as the full export's
 * header needs).
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
  const args: ListArgs = { viewer, filters, page: { limit: pageSize, offset }, countUpTo, health: true };
  const { rows: result } = await db.executeQuery(listPageStatement(db, args));
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
function waitingCountQuery(db: Db, b: Bind) {
  return db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(sql<number>`count(DISTINCT s.id)::int`.as('n'))
    .where('r.current_org', '=', me(b))
    .where(inScope(b, 'o.path'))
    .where('s.run_status', 'not in', ['WITHDRAWN', 'DELETED']);
}

/** Rows of one call, built for it (the export's batches and one site are not hot enough to cache). */
function rowsOnce(db: Db, args: ListArgs) {
  return selectRows(db, bindNow(args), listShape(args));
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
    const rows = await rowsOnce(db, { viewer, filters, page: { limit: size, after: cursor }, cursor: true }).execute();
    if (rows.length === 0) return;
    seen += rows.length;
    cursor = rows[rows.length - 1]?.cursor ?? undefined;
    yield rows.map(toListRow);
    if (rows.length < size) return;
  }
}

/** One site of the viewer's subtree (WITHDRAWN entries excluded), with the list columns. */
export async function findSiteRow(db: Db, viewer: Viewer, siteId: number): Promise<SiteListRow | null> {
  const filters: SiteFilters = { sort: 'default', order: 'desc', includeDeleted: true };
  const row = await rowsOnce(db, { viewer, filters, page: { limit: 1, siteId } }).executeTakeFirst();
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

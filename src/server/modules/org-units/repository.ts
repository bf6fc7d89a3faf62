// The only database access for org units: subtree-scoped reads, lookups and upserts.
import { type CompiledQuery, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrgUnitRow, PersonContact } from '../../../db/schema.ts';
import type { Db, Trx } from '../../context.ts';
import { type Binder, bindNow, StatementCache } from '../../statement-cache.ts';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A column holding a materialised org path (`org_units.path`, under any alias). */
export type PathColumn = 'path' | `${string}.path`;

/**
 * The caller's subtree in SQL: `column LIKE '<rootPath>%'`, true for every path inside the subtree rooted at
 * `rootPath` (the root included). A prefix LIKE, so the path index serves it; usable in `.where()`, `eb.or([…])`
 * and inside a `sql` template.
 */
export function inSubtree(column: PathColumn, rootPath: string): RawBuilder<SqlBool> {
  return pathLike(column, prefixPattern(rootPath));
}

/** `column LIKE pattern`, the pattern a parameter (a cached statement's binder passes a placeholder). */
function pathLike(column: PathColumn, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} LIKE ${pattern}`;
}

/**
 * The paths of a subtree as a range: every path starting with `rootPath` (which ends in `/`), and no other, lies in
 * [rootPath, subtreeEnd(rootPath)) under the path's C collation ('/' is followed by '0'). A range of parameters can
 * use the path index in a generic plan; a LIKE prefix can only when its pattern is known at planning.
 */
export function subtreeEnd(rootPath: string): string {
  if (!rootPath.endsWith('/')) throw new Error(`org path must end with '/': ${rootPath}`);
  return `${rootPath.slice(0, -1)}0`;
}

/** Sites (`s`) joined to their owning org units (`o`), for queries that select from both. */
export function sitesWithOrgUnit(db: Db | Trx) {
  return db.selectFrom('sites as s').innerJoin('org_units as o', 'o.code', 's.org_code');
}

/** LIKE pattern of text anywhere in a value; the user's `%`, `_` and `\` match only themselves. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** LIKE pattern of values starting with the user's text (codes typed in part); wildcards match only themselves. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

export interface OrgUnitView {
  code: string;
  name: string;
  displayName: string;
  level: number;
  branch: 'LOCAL' | 'VERTICAL';
  parentCode: string | null;
  enabled: boolean;
  principal: PersonContact | null;
  contacts: PersonContact[];
}

export function toView(row: OrgUnitRow): OrgUnitView {
  return {
    code: row.code,
    name: row.name,
    displayName: row.display_name,
    level: row.level,
    branch: row.branch,
    parentCode: row.parent_code,
    enabled: row.enabled,
    principal: row.principal,
    contacts: row.contacts ?? [],
  };
}

export interface ListOrgUnitsQuery {
  rootPath: string;
  q?: string | undefined;
  level?: number | undefined;
  parentCode?: string | undefined;
  page: number;
  pageSize: number;
}

/** What decides the text of the org-unit list's statements: which filters are present. */
interface OrgListShape {
  q: boolean;
  level: boolean;
  parentCode: boolean;
}

function orgListMatching(db: Db, bind: Binder<ListOrgUnitsQuery>, shape: OrgListShape) {
  const subtree = bind.value((a) => prefixPattern(a.rootPath));
  let base = db.selectFrom('org_units').where(pathLike('path', subtree));
  if (shape.q) {
    const anywhere = bind.value((a) => likePattern(a.q ?? ''));
    const start = bind.value((a) => prefixPattern(a.q ?? ''));
    base = base.where((eb) =>
      eb.or([eb('name', 'ilike', anywhere), eb('display_name', 'ilike', anywhere), eb('code', 'ilike', start)]),
    );
  }
  if (shape.level)
    base = base.where(
      'level',
      '=',
      bind.value((a) => a.level ?? 0),
    );
  if (shape.parentCode)
    base = base.where(
      'parent_code',
      '=',
      bind.value((a) => a.parentCode ?? ''),
    );
  return base;
}

function orgListRows(db: Db, bind: Binder<ListOrgUnitsQuery>, shape: OrgListShape) {
  return orgListMatching(db, bind, shape)
    .selectAll()
    .orderBy('level')
    .orderBy('code')
    .limit(bind.value((a) => a.pageSize))
    .offset(bind.value((a) => (a.page - 1) * a.pageSize));
}

function orgListCount(db: Db, bind: Binder<ListOrgUnitsQuery>, shape: OrgListShape) {
  return orgListMatching(db, bind, shape).select(sql<number>`count(*)::int`.as('n'));
}

// Built once per shape (the root's whole-tree page is a hot read) and run with each call's values.
const orgListRowStatements = new StatementCache<Db, ListOrgUnitsQuery, OrgListShape, OrgUnitRow>(orgListRows);
const orgListCountStatements = new StatementCache<Db, ListOrgUnitsQuery, OrgListShape, { n: number }>(orgListCount);

/** The list's page and count statements for `query`; `fresh`: built for this call alone (what the cache must equal). */
export function listOrgUnitsStatements(
  db: Db,
  query: ListOrgUnitsQuery,
  fresh = false,
): { rows: CompiledQuery<OrgUnitRow>; count: CompiledQuery<{ n: number }> } {
  const shape: OrgListShape = {
    q: Boolean(query.q),
    level: query.level !== undefined,
    parentCode: Boolean(query.parentCode),
  };
  if (fresh) {
    const bind = bindNow(query);
    return { rows: orgListRows(db, bind, shape).compile(), count: orgListCount(db, bind, shape).compile() };
  }
  return {
    rows: orgListRowStatements.compile(db, shape, query),
    count: orgListCountStatements.compile(db, shape, query),
  };
}

export async function listOrgUnits(db: Db, query: ListOrgUnitsQuery) {
  const statements = listOrgUnitsStatements(db, query);
  const [rows, total] = await Promise.all([db.executeQuery(statements.rows), db.executeQuery(statements.count)]);
  return { items: rows.rows.map(toView), total: total.rows[0]?.n ?? 0 };
}

export function findOrgUnit(db: Db | Trx, code: string) {
  return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findOrgUnitInSubtree(db: Db, code: string, rootPath: string) {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('code', '=', code)
    .where(inSubtree('path', rootPath))
    .executeTakeFirst();
}

/** The org and its ancestors, root first. */
export async function ancestorsOf(db: Db | Trx, code: string): Promise<OrgUnitRow[]> {
  const org = await findOrgUnit(db, code);
  if (!org) return [];
  const codes = org.path.split('/').filter(Boolean);
  const rows = await db.selectFrom('org_units').selectAll().where('code', 'in', codes).execute();
  return codes.map((c) => rows.find((r) => r.code === c)).filter((r): r is OrgUnitRow => r !== undefined);
}

export interface OrgUnitInput {
  code: string;
  name: string;
  displayName: string;
  level: number;
  branch: 'LOCAL' | 'VERTICAL';
  parentCode: string | null;
  principal: PersonContact | null;
  contacts: PersonContact[];
  enabled?: boolean;
}

/**
 * Inserts units whose parents are already stored or come earlier in `units`; the path is computed here.
 * Batched, so the national tree goes in with a handful of statements.
 */
export async function insertOrgUnits(trx: Db | Trx, units: OrgUnitInput[], now: Date): Promise<void> {
  const parentCodes = [...new Set(units.map((u) => u.parentCode).filter((c): c is string => c !== null))];
  const paths = new Map<string, string>();
  for (let i = 0; i < parentCodes.length; i += 1000) {
    const rows = await trx
      .selectFrom('org_units')
      .select(['code', 'path'])
      .where('code', 'in', parentCodes.slice(i, i + 1000))
      .execute();
    for (const r of rows) paths.set(r.code, r.path);
  }
  const values = units.map((u) => {
    const parentPath = u.parentCode === null ? '/' : paths.get(u.parentCode);
    if (parentPath === undefined) throw new Error(`上级组织单位 ${u.parentCode} 不存在（${u.code}）`);
    const path = `${parentPath}${u.code}/`;
    paths.set(u.code, path);
    return {
      code: u.code,
      name: u.name,
      display_name: u.displayName,
      level: u.level,
      branch: u.branch,
      parent_code: u.parentCode,
      path,
      principal: JSON.stringify(u.principal),
      contacts: JSON.stringify(u.contacts),
      enabled: u.enabled ?? true,
      created_at: now,
      updated_at: now,
    };
  });
  for (let i = 0; i < values.length; i += 500) {
    await trx
      .insertInto('org_units')
      .values(values.slice(i, i + 500))
      .execute();
  }
}

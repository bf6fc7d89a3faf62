// The only database access of 组织单位信息查询: the caller's visible units in SQL — its own subtree, its ancestors,
// and the level-1 units (SPEC §11.1) — searched, filtered and paged.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../context.ts';
import type { Relation } from './query-schema.ts';
import { inSubtree, likePattern, prefixPattern } from './repository.ts';

export interface Viewer {
  orgCode: string;
  orgPath: string;
}

export interface OrgQueryFilters {
  q?: string | undefined;
  scope: 'all' | 'subtree' | 'ancestors' | 'level1';
  level?: number | undefined;
}

function ancestorCodes(viewer: Viewer): string[] {
  return viewer.orgPath
    .split('/')
    .filter(Boolean)
    .filter((c) => c !== viewer.orgCode);
}

/** How the unit relates to the viewer, first match wins (a level-1 ancestor is an ANCESTOR, not LEVEL1). */
function relationExpr(viewer: Viewer) {
  const ancestors = ancestorCodes(viewer);
  const isAncestor = ancestors.length ? sql`o.code IN (${sql.join(ancestors)})` : sql`false`;
  return sql<Relation>`CASE
    WHEN o.code = ${viewer.orgCode} THEN 'SELF'
    WHEN ${inSubtree('o.path', viewer.orgPath)} THEN 'SUBTREE'
    WHEN ${isAncestor} THEN 'ANCESTOR'
    ELSE 'LEVEL1' END`;
}

function visibleWhere(viewer: Viewer, f: OrgQueryFilters): Expression<SqlBool>[] {
  const ancestors = ancestorCodes(viewer);
  const inViewerSubtree = inSubtree('o.path', viewer.orgPath);
  const isAncestor = ancestors.length ? sql<boolean>`o.code IN (${sql.join(ancestors)})` : sql<boolean>`false`;
  const isLevel1 = sql<boolean>`(o.level = 1 AND NOT (${inViewerSubtree}) AND NOT (${isAncestor}))`;
  const c: Expression<SqlBool>[] = [];
  if (f.scope === 'subtree') c.push(inViewerSubtree);
  else if (f.scope === 'ancestors') c.push(isAncestor);
  else if (f.scope === 'level1') c.push(isLevel1);
  else c.push(sql<boolean>`(${inViewerSubtree} OR ${isAncestor} OR o.level = 1)`);
  if (f.q) {
    c.push(
      sql<boolean>`(o.name ILIKE ${likePattern(f.q)} OR o.display_name ILIKE ${likePattern(f.q)} OR o.code ILIKE ${prefixPattern(f.q)})`,
    );
  }
  if (f.level !== undefined) c.push(sql<boolean>`o.level = ${f.level}`);
  return c;
}

function base(db: Db, viewer: Viewer, f: OrgQueryFilters) {
  return db
    .selectFrom('org_units as o')
    .leftJoin('org_units as p', 'p.code', 'o.parent_code')
    .where((eb) => eb.and(visibleWhere(viewer, f)));
}

export async function queryVisibleUnits(
  db: Db,
  viewer: Viewer,
  f: OrgQueryFilters,
  page: { limit: number; offset: number },
) {
  const q = base(db, viewer, f);
  const [items, total] = await Promise.all([
    q
      .selectAll('o')
      .select([relationExpr(viewer).as('relation'), 'p.display_name as parent_name'])
      .orderBy('o.level')
      .orderBy('o.code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

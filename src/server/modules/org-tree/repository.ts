// The only database access of 挂接关系维护: children for the tree, row locks, the subtree path move, the open
// requests under a subtree, and the ORG_UNIT history.
import { sql } from 'kysely';
import type { PersonContact } from '../../../db/schema.ts';
import type { Db, Trx } from '../../context.ts';
import { inSubtree, likePattern, prefixPattern } from '../org-units/repository.ts';
import { REQUEST_COLUMNS, type RequestCore, toRequestCore } from '../requests/repository.ts';

export const ORG_UNIT_ENTITY = 'ORG_UNIT';

/** Register entries that still matter to a unit: everything but withdrawn applications. */
const LIVE_SITE = sql<boolean>`s.run_status NOT IN ('WITHDRAWN')`;

export async function listChildren(db: Db, parentCode: string) {
  return db
    .selectFrom('org_units as o')
    .select([
      'o.code',
      'o.name',
      'o.display_name',
      'o.level',
      'o.branch',
      'o.enabled',
      'o.parent_code',
      sql<number>`(SELECT count(*)::int FROM org_units c WHERE c.parent_code = o.code)`.as('child_count'),
      sql<number>`(SELECT count(*)::int FROM sites s WHERE s.org_code = o.code AND ${LIVE_SITE})`.as('site_count'),
    ])
    .where('o.parent_code', '=', parentCode)
    .orderBy('o.code')
    .execute();
}

export async function searchUnits(db: Db, q: string) {
  return db
    .selectFrom('org_units')
    .select(['code', 'name', 'display_name', 'level', 'path', 'enabled'])
    .where((eb) =>
      eb.or([
        eb('name', 'ilike', likePattern(q)),
        eb('display_name', 'ilike', likePattern(q)),
        eb('code', 'ilike', prefixPattern(q)),
      ]),
    )
    .orderBy('level')
    .orderBy('code')
    .limit(20)
    .execute();
}

/** Locks the unit's row for the rest of the transaction (two root users cannot move the same unit at once). */
export function lockUnit(trx: Trx, code: string) {
  return trx.selectFrom('org_units').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export function hasEnabledChildren(trx: Trx, code: string) {
  return trx
    .selectFrom('org_units')
    .select('code')
    .where('parent_code', '=', code)
    .where('enabled', '=', true)
    .limit(1)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

/** Re-parents `code` and rewrites the path of its whole subtree in one statement. */
export async function moveSubtree(
  trx: Trx,
  move: { code: string; oldPath: string; newPath: string; newParentCode: string; now: Date },
): Promise<number> {
  const result = await sql`
    UPDATE org_units
       SET path = ${move.newPath} || substr(path, ${move.oldPath.length + 1}),
           parent_code = CASE WHEN code = ${move.code} THEN ${move.newParentCode} ELSE parent_code END,
           updated_at = ${move.now}
     WHERE ${inSubtree('path', move.oldPath)}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export function setEnabled(trx: Trx, code: string, enabled: boolean, now: Date) {
  return trx.updateTable('org_units').set({ enabled, updated_at: now }).where('code', '=', code).execute();
}

export interface UnitDetails {
  name: string;
  displayName: string;
  principal: PersonContact | null;
  contacts: PersonContact[];
}

export function updateDetails(trx: Trx, code: string, d: UnitDetails, now: Date) {
  return trx
    .updateTable('org_units')
    .set({
      name: d.name,
      display_name: d.displayName,
      principal: JSON.stringify(d.principal),
      contacts: JSON.stringify(d.contacts),
      updated_at: now,
    })
    .where('code', '=', code)
    .execute();
}

/** Sites registered under the subtree (withdrawn applications left out): the total and the first `limit`. */
export async function sitesInSubtree(trx: Trx, path: string, limit: number) {
  const base = trx
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where(inSubtree('o.path', path))
    .where(LIVE_SITE);
  const [items, total] = await Promise.all([
    base
      .select(['s.id', 's.site_code', 's.name', 's.org_code', 's.run_status', 'o.display_name as org_name'])
      .orderBy('s.org_code')
      .orderBy('s.id')
      .limit(limit)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export interface RoutableRequest extends RequestCore {
  orgCode: string;
  isPortal: boolean;
  siteId: number;
  siteCode: string | null;
  siteName: string;
}

/** Requests whose route can change with the subtree: open ones and those waiting for a resubmission. */
export async function reroutableRequests(trx: Trx, path: string): Promise<RoutableRequest[]> {
  const rows = await trx
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 'r.org_code')
    .select([...REQUEST_COLUMNS, 'r.org_code', 'r.is_portal', 's.id as site_id', 's.site_code', 's.name as site_name'])
    .where(inSubtree('o.path', path))
    .where('r.state', 'in', ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED'])
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    ...toRequestCore(r),
    orgCode: r.org_code,
    isPortal: r.is_portal,
    siteId: r.site_id,
    siteCode: r.site_code,
    siteName: r.site_name,
  }));
}

export function unitNames(db: Db | Trx, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve(new Map<string, string>());
  return db
    .selectFrom('org_units')
    .select(['code', 'display_name'])
    .where('code', 'in', [...new Set(codes)])
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.code, r.display_name])));
}

export async function orgHistory(db: Db, q: { code?: string | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom('audit_log').where('entity_type', '=', ORG_UNIT_ENTITY);
  if (q.code) base = base.where('entity_id', '=', q.code);
  const [items, total] = await Promise.all([
    base
      .select(['id', 'at', 'actor_name', 'actor_org_code', 'action', 'entity_id', 'comment', 'data'])
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

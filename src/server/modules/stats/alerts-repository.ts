// Database reads of the data-quality alerts of 基本信息统计 (SPEC §10), scoped to a subtree path in SQL.
import { sql } from 'kysely';
import { ZHENGWU_TLD_ASCII } from '../../../domain/validation/url.ts';
import type { Db } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';
import { REGISTERED } from './repository.ts';

const n = sql<number>`count(*)::int`;

/** Enabled level 1–3 units without a registered portal (an application in progress does not count). */
export async function unitsWithoutPortal(db: Db, path: string, limit: number) {
  const base = db
    .selectFrom('org_units as o')
    .where(inSubtree('o.path', path))
    .where('o.level', '>=', 1)
    .where('o.enabled', '=', true)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM sites s WHERE s.org_code = o.code AND s.is_portal AND ${REGISTERED})`,
    );
  const [items, total] = await Promise.all([
    base.select(['o.code', 'o.display_name', 'o.level']).orderBy('o.level').orderBy('o.code').limit(limit).execute(),
    base.select(n.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** A filing number counts as missing when empty or still 「办理中」. */
const missing = (key: string) => sql<boolean>`coalesce(nullif(btrim(s.info->>${key}), '办理中'), '') = ''`;

function registeredIn(db: Db, path: string) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where(inSubtree('o.path', path))
    .where(REGISTERED);
}

export async function sitesMissingFilings(db: Db, path: string, limit: number) {
  const any = sql<boolean>`(${missing('icpNo')} OR ${missing('psbNo')} OR ${missing('conacCode')})`;
  const base = registeredIn(db, path).where(any);
  const [items, counts] = await Promise.all([
    base
      .select([
        's.site_code',
        's.name',
        's.org_code',
        'o.display_name as org_name',
        missing('icpNo').as('no_icp'),
        missing('psbNo').as('no_psb'),
        missing('conacCode').as('no_conac'),
      ])
      .orderBy('s.site_code')
      .limit(limit)
      .execute(),
    base
      .select([
        n.as('total'),
        sql<number>`count(*) FILTER (WHERE ${missing('icpNo')})::int`.as('icp'),
        sql<number>`count(*) FILTER (WHERE ${missing('psbNo')})::int`.as('psb'),
        sql<number>`count(*) FILTER (WHERE ${missing('conacCode')})::int`.as('conac'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: counts.total, icp: counts.icp, psb: counts.psb, conac: counts.conac };
}

/** Home hosts that are neither *.gov.cn nor *.政务 (SPEC §6.6). */
export async function nonGovHosts(db: Db, path: string, limit: number) {
  const base = registeredIn(db, path).where(
    sql<boolean>`NOT (lower(s.home_host) LIKE '%.gov.cn' OR lower(s.home_host) LIKE ${`%.${ZHENGWU_TLD_ASCII}`})`,
  );
  const [items, total] = await Promise.all([
    base
      .select(['s.site_code', 's.name', 's.home_url', 's.org_code', 'o.display_name as org_name'])
      .orderBy('s.site_code')
      .limit(limit)
      .execute(),
    base.select(n.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** Units with more than one registered site of the same 主办单位 (one site per unit, SPEC §14.2). */
export async function duplicateSponsors(db: Db, path: string, limit: number) {
  const base = registeredIn(db, path)
    .where(sql<boolean>`btrim(s.sponsor_name) <> ''`)
    .select(['s.org_code', 'o.display_name as org_name', 's.sponsor_name', n.as('count')])
    .groupBy(['s.org_code', 'o.display_name', 's.sponsor_name'])
    .having(sql<boolean>`count(*) > 1`);
  const [items, total] = await Promise.all([
    base.orderBy('s.org_code').orderBy('s.sponsor_name').limit(limit).execute(),
    db.selectFrom(base.as('d')).select(n.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

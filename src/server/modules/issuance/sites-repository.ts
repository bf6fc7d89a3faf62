// Reads and writes of issued sites for this module: the 校验码 reset and the public verification.
import type { Db, Trx } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';

/** A site inside the caller's subtree (undefined outside it: the record does not exist for the caller). */
export async function findSiteInSubtree(db: Db, siteId: number, orgPath: string) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(['s.id', 's.site_code', 's.name', 's.org_code', 's.run_status', 'o.name as org_name'])
    .where('s.id', '=', siteId)
    .where(inSubtree('o.path', orgPath))
    .executeTakeFirst();
}

/** Replaces the 校验码 hash and drops any encrypted copy and lockout. False when the site changed meanwhile. */
export async function replaceCheckCode(
  trx: Trx,
  site: { id: number; siteCode: string; hash: string; at: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('sites')
    .set((eb) => ({
      check_code_hash: site.hash,
      check_code_enc: null,
      failed_attempts: 0,
      locked_until: null,
      version: eb('version', '+', 1),
      updated_at: site.at,
    }))
    .where('id', '=', site.id)
    .where('site_code', '=', site.siteCode)
    .where('run_status', '<>', 'DELETED')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The public facts of an issued, non-deleted site. */
export async function findPublicSite(db: Db, siteCode: string) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(['s.site_code', 's.name', 's.home_url', 's.sponsor_name', 's.run_status', 'o.name as org_name'])
    .where('s.site_code', '=', siteCode)
    .where('s.run_status', 'not in', ['APPLYING', 'WITHDRAWN', 'DELETED'])
    .executeTakeFirst();
}

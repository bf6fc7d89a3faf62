// What the 临时码 progress query shows once the codes are issued (SPEC §4.2 Decided): the 标识码 always, the 校验码
// only until the site's first login; afterwards a note on how to get it reset.
import { CHECK_CODE_RESET_NOTE, checkCodeUsedNote } from '../../../domain/issuance.ts';
import type { Db } from '../../context.ts';
import type { Keys } from '../../secrets.ts';
import { decryptCheckCode } from './check-code-cipher.ts';

export type IssuedCredentials =
  | { siteCode: string; checkCode: string }
  | { siteCode: string; checkCode: null; note: string };

/** Null while the entry has no 标识码 yet (or does not exist). */
export async function issuedCredentials(db: Db, keys: Keys, siteId: number): Promise<IssuedCredentials | null> {
  const site = await db
    .selectFrom('sites')
    .select(['site_code', 'check_code_enc', 'first_login_at'])
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site?.site_code) return null;
  if (site.first_login_at) {
    return { siteCode: site.site_code, checkCode: null, note: checkCodeUsedNote(new Date(site.first_login_at)) };
  }
  const checkCode = site.check_code_enc ? decryptCheckCode(keys, siteId, site.check_code_enc) : null;
  if (checkCode === null) return { siteCode: site.site_code, checkCode: null, note: CHECK_CODE_RESET_NOTE };
  return { siteCode: site.site_code, checkCode };
}

// Duplicate check of 网站名称 and 首页网址 against live sites, open applications and other sites' 其他域名 (SPEC §5.5).
import { MESSAGES } from '../../../domain/messages/index.ts';
import { normalizeName } from '../../../domain/text.ts';
import { hostOf, hostToUnicode, normalizeUrlForCompare } from '../../../domain/validation/index.ts';
import type { AppContext, Db, Trx } from '../../context.ts';
import { findByTempCode } from './find-by-temp-code.ts';
import { findDomainCollisions, findNameCollisions, findUrlCollisions, type SiteRef } from './repository.ts';

export interface DuplicateConflict {
  field: 'name' | 'homeUrl';
  message: string;
  siteName: string;
  siteCode: string | null;
}

export interface DuplicateCheck {
  conflicts: DuplicateConflict[];
  warnings: { field: string; message: string }[];
}

/** 「已登记网站“X”（标识码 …）」 or 「正在申请中的网站“X”」: names the record a value collides with. */
export function describeSite(site: Pick<SiteRef, 'name' | 'site_code'>): string {
  return site.site_code === null
    ? `正在申请中的网站“${site.name}”`
    : `已登记网站“${site.name}”（标识码 ${site.site_code}）`;
}

const conflict = (field: DuplicateConflict['field'], message: string, site: SiteRef): DuplicateConflict => ({
  field,
  message,
  siteName: site.name,
  siteCode: site.site_code,
});

/** `www.x.gov.cn/a` ↔ `x.gov.cn/a`: the other spelling, or null when the host has no `www.` and only one label. */
function wwwVariant(urlKey: string): string | null {
  if (urlKey.startsWith('www.')) return urlKey.slice(4);
  return urlKey.includes('.') ? `www.${urlKey}` : null;
}

export async function checkDuplicates(
  db: Db | Trx,
  input: { name?: string | undefined; homeUrl?: string | undefined },
  excludeSiteId?: number,
): Promise<DuplicateCheck> {
  const conflicts: DuplicateConflict[] = [];
  const warnings: DuplicateCheck['warnings'] = [];

  const nameKey = normalizeName(input.name ?? '');
  if (nameKey !== '') {
    for (const site of await findNameCollisions(db, nameKey, excludeSiteId)) {
      conflicts.push(conflict('name', MESSAGES.duplicateName(describeSite(site)), site));
    }
  }

  const url = (input.homeUrl ?? '').trim();
  const host = url === '' ? null : hostOf(url);
  if (host !== null) {
    const urlKey = normalizeUrlForCompare(url);
    const variant = wwwVariant(urlKey);
    const rows = await findUrlCollisions(db, variant === null ? [urlKey] : [urlKey, variant], excludeSiteId);
    for (const site of rows) {
      if (site.home_url_key === urlKey) {
        conflicts.push(conflict('homeUrl', MESSAGES.duplicateHomeUrl(describeSite(site)), site));
      } else {
        // SPEC §5.5: www.x and x may be different sites — keep www, but say so.
        warnings.push({
          field: 'homeUrl',
          message: `首页网址与${describeSite(site)}的首页网址只差“www.”，请确认不是同一网站`,
        });
      }
    }
    const unicodeHost = hostToUnicode(host);
    for (const site of await findDomainCollisions(db, [...new Set([host, unicodeHost])], excludeSiteId)) {
      conflicts.push(conflict('homeUrl', MESSAGES.homeHostTaken(unicodeHost, describeSite(site)), site));
    }
  }
  return { conflicts, warnings };
}

/** The public check: while correcting a returned application, its own record is left out (found by 临时码). */
export async function checkDuplicatesForApplicant(
  ctx: AppContext,
  input: { name?: string | undefined; homeUrl?: string | undefined; tempCode?: string | undefined },
  ip: string,
): Promise<DuplicateCheck> {
  const own = input.tempCode ? await findByTempCode(ctx, input.tempCode, ip) : undefined;
  return checkDuplicates(ctx.db, input, own?.site_id);
}

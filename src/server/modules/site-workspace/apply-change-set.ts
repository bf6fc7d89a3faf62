// Applies an approved change set to the live record (SPEC §7.0, §7.2–§7.5), inside the reviewer's approval
// transaction: the site row locked, the record's uniqueness rules checked again, a compare-and-set on its version.
import type { RequestType } from '../../../db/schema.ts';
import { validateSiteInfo } from '../../../domain/site-info.ts';
import { normalizeName } from '../../../domain/text.ts';
import { hostOf, normalizeUrlForCompare } from '../../../domain/validation/index.ts';
import type { Trx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { assertNoDuplicates, assertPortalFree } from '../applications/conflicts.ts';
import { lockOrgUnit, uniqueViolation } from '../applications/repository.ts';
import { BadChangeSetError, proposedRecord, storedColumns } from './change-set.ts';
import {
  findHostHolders,
  type LiveRecordSet,
  replaceSiteDomains,
  siteDomains,
  updateLiveRecord,
} from './live-record-repository.ts';
import { findSiteRequest, isChangeType, lockSite } from './repository.ts';
import { hostTakenMessage } from './request-domains.ts';
import { runStatusRefusal } from './site-abilities.ts';

/** A unique index hit by a concurrent change, in the words of SPEC §5.5. */
const COLLISIONS: Readonly<Record<string, string>> = {
  sites_name_live_idx: '网站名称与其他网站重复',
  sites_url_live_idx: '首页网址与其他网站的首页网址重复',
  sites_portal_idx: '该组织单位已有门户网站，每个组织单位只能有一个本级政府门户网站',
  site_domains_pkey: '其他域名已被其他网站登记',
};

async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    throw new AppError('CONFLICT', `无法通过：${COLLISIONS[constraint] ?? '与其他网站的登记信息冲突'}`, { constraint });
  }
}

const conflict = (message: string) => new AppError('CONFLICT', `无法通过：${message}`);

/**
 * Applies request `id` (a change type; other types are left alone) to site `siteId`. Throws AppError on a conflict,
 * which rolls the whole approval back.
 */
export async function applyChangeSet(
  trx: Trx,
  request: { id: number; type: RequestType; siteId: number },
  now: Date,
): Promise<void> {
  if (!isChangeType(request.type)) return;
  const type = request.type;
  const site = await lockSite(trx, request.siteId);
  const row = await findSiteRequest(trx, request.siteId, request.id);
  if (!site || !row) throw new AppError('NOT_FOUND', '网站或申请不存在');
  const notChangeable = runStatusRefusal(site.runStatus);
  if (notChangeable) throw conflict(notChangeable);

  const live = {
    info: site.info,
    columns: storedColumns(site.columns),
    domains: await siteDomains(trx, site.id),
    isPortal: site.isPortal,
    isServicePlatform: site.isServicePlatform,
  };
  let proposed: ReturnType<typeof proposedRecord>;
  try {
    proposed = proposedRecord(live, type, row.payload, row.id);
  } catch (error) {
    if (error instanceof BadChangeSetError) throw conflict(error.message);
    throw error;
  }

  let set: LiveRecordSet = {
    info: proposed.info,
    name: site.name,
    nameKey: normalizeName(site.name),
    homeUrl: site.homeUrl,
    homeUrlKey: normalizeUrlForCompare(site.homeUrl),
    homeHost: site.homeHost,
    sponsorName: site.sponsorName,
    isPortal: proposed.isPortal,
    isServicePlatform: proposed.isServicePlatform,
  };
  if (type === 'MODIFY') {
    const checked = validateSiteInfo(proposed.info);
    if (!checked.ok) throw conflict(`申请内容不完整（${checked.errors[0]?.message ?? ''}），请退回`);
    const info = checked.value;
    await assertNoDuplicates(trx, info, site.id);
    set = {
      ...set,
      info: { ...info },
      name: info.name,
      nameKey: normalizeName(info.name),
      homeUrl: info.homeUrl,
      homeUrlKey: normalizeUrlForCompare(info.homeUrl),
      homeHost: hostOf(info.homeUrl) ?? '',
      sponsorName: info.sponsorName,
      columns: proposed.columns,
    };
  }
  if (type === 'PORTAL_ON') {
    // SPEC §7.3: checked again at approval, under the same org row lock as the submissions.
    const org = await lockOrgUnit(trx, site.orgCode);
    await assertPortalFree(trx, { code: site.orgCode, name: org?.name ?? site.orgName }, site.id);
  }
  if (type === 'DOMAINS') {
    const holders = await findHostHolders(trx, proposed.domains, site.id);
    if (holders.length > 0) throw conflict(holders.map(hostTakenMessage).join('；'));
  }

  const updated = await uniquely(() => updateLiveRecord(trx, site, set, now));
  if (!updated) throw new AppError('STATE_CONFLICT', '网站信息已被其他操作修改，请刷新后重试');
  if (type === 'DOMAINS') await uniquely(() => replaceSiteDomains(trx, site.id, proposed.domains));
}

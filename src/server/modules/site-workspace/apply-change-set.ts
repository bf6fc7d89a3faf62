// Applies an approved change set to the live record (SPEC §7.0, §7.2–§7.5), inside the reviewer's approval
// transaction: the site row locked, the record's uniqueness rules checked again, a compare-and-set on its version.

import type { RequestType } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
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
  sites_name_live_idx: MESSAGES.nameTakenByOther,
  sites_url_live_idx: MESSAGES.homeUrlTakenByOther,
  sites_portal_idx: MESSAGES.portalTakenInOrg,
  site_domains_pkey: MESSAGES.otherDomainTaken,
};

async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    throw new AppError('CONFLICT', MESSAGES.cannotApprove(COLLISIONS[constraint] ?? MESSAGES.liveRecordCollision), {
      constraint,
    });
  }
}

const conflict = (message: string) => new AppError('CONFLICT', MESSAGES.cannotApprove(message));

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
  if (!site || !row) throw new AppError('NOT_FOUND', MESSAGES.siteOrRequestNotFound);
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
    if (!checked.ok) throw conflict(MESSAGES.changeSetIncomplete(checked.errors[0]?.message ?? ''));
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
  if (!updated) throw new AppError('STATE_CONFLICT', MESSAGES.siteInfoChanged);
  if (type === 'DOMAINS') await uniquely(() => replaceSiteDomains(trx, site.id, proposed.domains));
}

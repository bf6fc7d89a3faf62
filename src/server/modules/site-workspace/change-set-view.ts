// 查看 a change request (SPEC §7.2): the live record and the proposed one side by side, field by field, 栏目 entry by
// entry and host by host, with a warning when the live record changed after the request was submitted.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { changeCount, diffColumns, diffDomains, diffSiteInfo } from '../../../domain/site-diff.ts';
import { hostToUnicode } from '../../../domain/validation/punycode.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { findVisibleRequest } from '../requests/repository.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import { listCategories } from './categories-repository.ts';
import { BadChangeSetError, proposedRecord, storedColumns } from './change-set.ts';
import { siteDomains } from './live-record-repository.ts';
import { findSiteById, findSiteRequest, isChangeType } from './repository.ts';
import type { ChangeSetView } from './schema.ts';

const STILL_OPEN = new Set(['SUBMITTED', 'IN_REVIEW', 'RETURNED']);

const showHost = (host: string) => {
  const unicode = hostToUnicode(host);
  return unicode === host ? host : `${unicode}（${host}）`;
};

export async function viewChangeSet(ctx: AppContext, actor: OrgActor, requestId: number): Promise<ChangeSetView> {
  const { db } = ctx;
  // Visible = the site is in the caller's subtree or the caller's unit is its reviewer; else 404 (SPEC §3.6).
  const visible = await findVisibleRequest(db, { orgCode: actor.orgCode, orgPath: actor.orgPath }, requestId);
  if (!visible) throw notFound(MESSAGES.requestNotFound);
  if (!isChangeType(visible.type)) {
    throw new AppError('CONFLICT', MESSAGES.noChangeSet(REQUEST_TYPE_LABELS[visible.type]));
  }
  const type = visible.type;
  const [site, row] = await Promise.all([
    findSiteById(db, visible.siteId),
    findSiteRequest(db, visible.siteId, visible.id),
  ]);
  if (!site || !row) throw notFound(MESSAGES.requestNotFound);
  const [domains, categories] = await Promise.all([siteDomains(db, site.id), listCategories(db, false)]);
  const live = {
    info: site.info,
    columns: storedColumns(site.columns),
    domains,
    isPortal: site.isPortal,
    isServicePlatform: site.isServicePlatform,
  };
  let proposed: ReturnType<typeof proposedRecord>;
  try {
    proposed = proposedRecord(live, type, row.payload, row.id);
  } catch (error) {
    if (error instanceof BadChangeSetError) throw new AppError('CONFLICT', error.message);
    throw error;
  }
  const fields = diffSiteInfo(live.info, proposed.info);
  const columns = type === 'MODIFY' ? diffColumns(live.columns, proposed.columns, categories) : [];
  const hosts =
    type === 'DOMAINS'
      ? diffDomains(live.domains, proposed.domains).map((d) => ({ ...d, host: showHost(d.host) }))
      : [];
  const stale =
    STILL_OPEN.has(row.state) && proposed.baseVersion !== null && proposed.baseVersion !== site.version
      ? '提交本申请后，该网站的登记信息已发生变化（如其他申请已办结或信息被更正）；左侧“当前登记”为最新内容，请核对后再审核'
      : null;
  return {
    requestId: row.id,
    type,
    typeLabel: REQUEST_TYPE_LABELS[type],
    state: row.state,
    version: row.version,
    submittedAt: row.submittedAt.toISOString(),
    siteName: site.name,
    siteCode: site.siteCode,
    staleWarning: stale,
    changeCount: changeCount({ fields, columns, domains: hosts }),
    fields,
    columns,
    domains: hosts,
  };
}

// 查看: one record of the caller's subtree — basic information, the proposed version of an open request, 栏目 —
// and its 审核流水.

import type { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { findVisibleOffline, orgNameMap } from '../offline/list-repository.ts';
import { presentOfflineRow } from '../offline/present.ts';
import { auditTrailFor } from '../requests/audit-trail.ts';
import { loadSiteRecord, type SiteRecord } from '../requests/repository.ts';
import { presentRow } from './present.ts';
import { findSiteRow, otherDomainsBySiteIds } from './repository.ts';
import type { auditTrail, SiteRowView, siteDetail } from './schema.ts';

type SiteDetail = z.infer<typeof siteDetail>;
type AuditTrail = z.infer<typeof auditTrail>;

/** Secrets never leave the server, whatever a payload holds (SPEC §13: never 校验码 or 临时码). */
const SECRET_KEYS = new Set([
  'checkCode',
  'check_code',
  'checkCodeHash',
  'tempCode',
  'temp_code',
  'tempCodeDigest',
  'tempCodeSealed',
  'submission',
]);

function withoutSecrets(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !SECRET_KEYS.has(key)));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The proposed basic information of an open request (SPEC §7.0). A new-site application's proposal is the record
 * itself; other requests carry either `{ info }` or the changed fields.
 */
function proposedInfo(request: SiteRecord['request']): Record<string, unknown> | null {
  // Offline requests carry dates and a reason, not basic information: shown on the 下线审核 page instead.
  if (!request?.open || request.type === 'NEW_SITE' || request.type.startsWith('OFFLINE_')) return null;
  const proposal = isRecord(request.payload.info) ? request.payload.info : request.payload;
  const clean = withoutSecrets(proposal);
  return Object.keys(clean).length > 0 ? clean : null;
}

/**
 * The shown requests of the record, an offline one with its 下线审核 row (kind, dates, reason, chain, abilities), so
 * that 查看 shows an emergency offline beside the modification it coexists with and either can be decided there.
 */
async function withOfflineDetails(
  ctx: AppContext,
  actor: OrgActor,
  requests: SiteRowView['requests'],
): Promise<SiteDetail['requests']> {
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const offline = await Promise.all(
    requests.map((r) => (r.kind === 'OFFLINE' ? findVisibleOffline(ctx.db, viewer, r.id) : null)),
  );
  const names = await orgNameMap(
    ctx.db,
    offline.flatMap((o) => o?.chain ?? []),
  );
  return requests.map((r, i) => {
    const row = offline[i];
    return { ...r, offline: row ? presentOfflineRow(row, actor.orgCode, names) : null };
  });
}

async function findVisibleSite(ctx: AppContext, actor: OrgActor, siteId: number) {
  const row = await findSiteRow(ctx.db, { orgCode: actor.orgCode, orgPath: actor.orgPath }, siteId);
  if (!row) throw notFound(MESSAGES.siteNotFound);
  return row;
}

export async function viewSite(ctx: AppContext, actor: OrgActor, siteId: number): Promise<SiteDetail> {
  const row = await findVisibleSite(ctx, actor, siteId);
  const [record, domains] = await Promise.all([
    loadSiteRecord(ctx.db, row.id, row.request?.id ?? null),
    otherDomainsBySiteIds(ctx.db, [row.id]),
  ]);
  if (!record) throw notFound(MESSAGES.siteNotFound);
  const { abilities, ...site } = presentRow(row, actor.orgCode);
  return {
    site,
    requests: await withOfflineDetails(ctx, actor, site.requests),
    orgName: row.orgName,
    info: withoutSecrets(record.info),
    proposed: proposedInfo(record.request),
    columns: record.columns,
    otherDomains: domains.get(row.id) ?? [],
    returnReason: record.request?.returnReason ?? null,
    abilities,
  };
}

export async function siteAuditTrail(ctx: AppContext, actor: OrgActor, siteId: number): Promise<AuditTrail> {
  const row = await findVisibleSite(ctx, actor, siteId);
  return { items: await auditTrailFor(ctx.db, row.id, row.siteCode) };
}

// 填报单位 home (SPEC §8.2): the live record, run status, 修改审核状态, whom to notify, 审核流水 and the buttons.

import type { PersonContact } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { offlineSiteActions, siteStatusText } from '../../../domain/offline.ts';
import { reporterStatusLabel } from '../../../domain/requests.ts';
import type { SingleReviewChange } from '../../../domain/review-chain.ts';
import type { SiteRunStatus } from '../../../domain/status-labels.ts';
import type { AppContext, Db, SiteActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertPortalFree } from '../applications/conflicts.ts';
import { computeSingleReviewer } from '../org-units/routing.ts';
import { auditTrailFor } from '../requests/audit-trail.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import { storedColumns } from './change-set.ts';
import { siteDomains } from './live-record-repository.ts';
import { findOperatorSite, type OperatorSite, orgContacts, orgLineNames, type RequestRow } from './repository.ts';
import type { OrgContactView, SiteHomeView } from './schema.ts';
import { siteActions } from './site-abilities.ts';
import { loadSiteState } from './site-state.ts';

/** The run-status text the 填报单位 sees (SPEC §7.8). */
export function reporterRunStatus(site: Pick<OperatorSite, 'runStatus' | 'runStatusUntil'>): string {
  const status = site.runStatus;
  if (status === 'APPLYING' || status === 'WITHDRAWN') return '';
  // PERM_OFFLINE_PENDING has no date and still reads 「下线申请通过」 on this side.
  return siteStatusText('REPORTER', status satisfies SiteRunStatus, site.runStatusUntil ?? null);
}

/** The site operator's own site, or 404 (e.g. deleted since the session began). */
export async function operatorSite(db: Db, actor: SiteActor): Promise<OperatorSite> {
  const site = await findOperatorSite(db, actor.siteCode);
  if (!site) throw notFound(MESSAGES.siteNotFound);
  return site;
}

const person = (p: PersonContact & { title?: unknown }) => ({
  name: p.name ?? '',
  ...(typeof p.title === 'string' && p.title ? { title: p.title } : {}),
  officePhone: p.officePhone ?? '',
  mobile: p.mobile ?? '',
  email: p.email ?? '',
});

async function reviewerOf(db: Db, site: OperatorSite, change: SingleReviewChange): Promise<OrgContactView> {
  const code = await computeSingleReviewer(db, site, change);
  const org = (await orgContacts(db, [code])).get(code);
  return {
    code,
    name: org?.name ?? code,
    relation: code === site.orgCode ? '本级' : '上级',
    principal: org?.principal ? person(org.principal) : null,
    contacts: (org?.contacts ?? []).map(person),
  };
}

/** Why this site may not apply to become its org's portal now, or null. */
async function portalTaken(db: Db, site: OperatorSite): Promise<string | null> {
  if (site.isPortal) return null;
  try {
    await assertPortalFree(db, { code: site.orgCode, name: site.orgName }, site.id);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

async function summary(db: Db, r: RequestRow | null): Promise<SiteHomeView['request']> {
  if (!r) return null;
  const reviewer = r.currentOrg ? (await orgContacts(db, [r.currentOrg])).get(r.currentOrg) : undefined;
  return {
    id: r.id,
    type: r.type,
    typeLabel: REQUEST_TYPE_LABELS[r.type],
    state: r.state,
    statusLabel: reporterStatusLabel(r),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    returnReason: r.state === 'RETURNED' ? r.returnReason : null,
    reviewerName: reviewer?.name ?? null,
  };
}

export async function siteHome(ctx: AppContext, actor: SiteActor): Promise<SiteHomeView> {
  const { db } = ctx;
  const site = await operatorSite(db, actor);
  const loaded = await loadSiteState(db, site);
  const [domains, orgLine, modification, portal, taken, audit, request] = await Promise.all([
    siteDomains(db, site.id),
    orgLineNames(db, site.orgPath),
    reviewerOf(db, site, { kind: 'OTHER' }),
    reviewerOf(db, site, { kind: site.isPortal ? 'PORTAL_OFF' : 'PORTAL_ON' }),
    portalTaken(db, site),
    auditTrailFor(db, site.id, site.siteCode, 'REPORTER'),
    summary(db, loaded.latestChange),
  ]);
  return {
    site: {
      siteCode: site.siteCode,
      name: site.name,
      homeUrl: site.homeUrl,
      sponsorName: site.sponsorName,
      isPortal: site.isPortal,
      isServicePlatform: site.isServicePlatform,
      orgCode: site.orgCode,
      orgName: site.orgName,
      orgLine,
      runStatus: site.runStatus,
      runStatusLabel: reporterRunStatus(site),
      codeIssuedAt: site.codeIssuedAt?.toISOString() ?? null,
      info: site.info,
      columns: storedColumns(site.columns),
      domains,
    },
    modificationStatus: loaded.latestChange ? reporterStatusLabel(loaded.latestChange) : '',
    request,
    reviewers: { modification, portal },
    actions: [
      ...siteActions({ ...loaded.state, portalTaken: taken }),
      ...offlineSiteActions({
        runStatus: site.runStatus,
        isPortal: site.isPortal,
        openRequestType: loaded.state.open?.type ?? null,
      }),
    ],
    audit,
  };
}

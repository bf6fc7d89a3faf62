// Test factories: register entries and requests in a given state, inserted directly (for tests of later steps).

import type { RequestState, RequestType, RunStatus } from '../../src/db/schema.ts';
import { formatSiteCode } from '../../src/domain/org-code.ts';
import { normalizeName } from '../../src/domain/text.ts';
import { hostOf, normalizeUrlForCompare } from '../../src/domain/validation/index.ts';
import type { Db } from '../../src/server/context.ts';
import { computeReviewChain, computeSingleReviewer } from '../../src/server/modules/org-units/routing.ts';

let counter = 0;

export interface MakeSiteOptions {
  orgCode?: string;
  isPortal?: boolean;
  isServicePlatform?: boolean;
  name?: string;
  homeUrl?: string;
  runStatus?: RunStatus;
  at?: Date;
}

/** A minimal valid basic-information payload (SPEC §5.1) for a site under `orgCode`. */
export function sampleInfo(overrides: {
  name: string;
  homeUrl: string;
  orgCode: string;
  isPortal: boolean;
  isServicePlatform?: boolean;
}) {
  const person = {
    name: '王伟',
    title: '主任',
    officePhone: '0335-3012345',
    mobile: '13912345678',
    email: 'wangwei@example.gov.cn',
  };
  return {
    name: overrides.name,
    homeUrl: overrides.homeUrl,
    orgCode: overrides.orgCode,
    isPortal: overrides.isPortal,
    isServicePlatform: overrides.isServicePlatform ?? false,
    sponsorName: `${overrides.name}主办单位`,
    sponsorAddress: '',
    organizerName: '',
    maintainerName: '',
    principal: person,
    contacts: [{ name: '李娜', officePhone: '0335-3012346', mobile: '13812345678', email: 'lina@example.gov.cn' }],
    icpNo: '冀ICP备15003849号',
    psbNo: '冀公网安备13030202002230号',
    conacCode: '',
    chineseDomain: '',
  };
}

async function insertSite(db: Db, o: MakeSiteOptions & { siteCode?: string | null }) {
  counter++;
  const orgCode = o.orgCode ?? '130302';
  const isPortal = o.isPortal ?? false;
  const name = o.name ?? `测试网站${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const homeUrl = o.homeUrl ?? `https://t${counter}${Math.random().toString(36).slice(2, 8)}.example.gov.cn/`;
  const at = o.at ?? new Date();
  const info = sampleInfo({ name, homeUrl, orgCode, isPortal, isServicePlatform: o.isServicePlatform });
  return db
    .insertInto('sites')
    .values({
      site_code: o.siteCode ?? null,
      org_code: orgCode,
      name,
      name_key: normalizeName(name),
      home_url: homeUrl,
      home_url_key: normalizeUrlForCompare(homeUrl),
      home_host: hostOf(homeUrl) ?? '',
      sponsor_name: info.sponsorName,
      is_portal: isPortal,
      is_service_platform: o.isServicePlatform ?? false,
      info: JSON.stringify(info),
      run_status: o.runStatus ?? (o.siteCode ? 'NORMAL' : 'APPLYING'),
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'site_code', 'name', 'home_url', 'org_code'])
    .executeTakeFirstOrThrow();
}

/** A new-site application in `state`, at step `stepIndex` of its real chain. */
export async function makeApplication(
  db: Db,
  o: MakeSiteOptions & { state?: RequestState; stepIndex?: number; finalApprovedAt?: Date; returnReason?: string } = {},
) {
  const site = await insertSite(db, o);
  const chain = await computeReviewChain(db, { orgCode: site.org_code, isPortal: o.isPortal ?? false });
  const state = o.state ?? 'SUBMITTED';
  const stepIndex = o.stepIndex ?? (state === 'CODE_PENDING' ? chain.length - 1 : 0);
  const at = o.at ?? new Date();
  const request = await db
    .insertInto('requests')
    .values({
      type: 'NEW_SITE',
      state,
      site_id: site.id,
      org_code: site.org_code,
      is_portal: o.isPortal ?? false,
      chain,
      step_index: stepIndex,
      current_org: state === 'SUBMITTED' || state === 'IN_REVIEW' ? (chain[stepIndex] ?? null) : null,
      payload: JSON.stringify({}),
      return_reason: o.returnReason ?? null,
      submitted_at: at,
      updated_at: at,
      step_entered_at: at,
      final_approved_at: state === 'CODE_PENDING' || state === 'DONE' ? (o.finalApprovedAt ?? at) : null,
    })
    .returning(['id', 'chain', 'state', 'step_index'])
    .executeTakeFirstOrThrow();
  return { site, request, chain };
}

/** A registered site with its 标识码 (sequence number `seq` of its org). */
export async function makeSite(db: Db, o: MakeSiteOptions & { seq?: number } = {}) {
  const orgCode = o.orgCode ?? '130302';
  const seq = o.seq ?? 9000 + (counter % 900);
  return insertSite(db, { ...o, orgCode, siteCode: formatSiteCode(orgCode, seq) });
}

/** A single-step request (modification, flags, domains) on a registered site. */
export async function makeSiteRequest(
  db: Db,
  siteId: number,
  o: {
    type: RequestType;
    state?: RequestState;
    orgCode: string;
    isPortal: boolean;
    payload?: Record<string, unknown>;
    at?: Date;
  },
) {
  const reviewer = await computeSingleReviewer(db, { orgCode: o.orgCode, isPortal: o.isPortal });
  const state = o.state ?? 'SUBMITTED';
  const at = o.at ?? new Date();
  return db
    .insertInto('requests')
    .values({
      type: o.type,
      state,
      site_id: siteId,
      org_code: o.orgCode,
      is_portal: o.isPortal,
      chain: [reviewer],
      current_org: state === 'SUBMITTED' || state === 'IN_REVIEW' ? reviewer : null,
      payload: JSON.stringify(o.payload ?? {}),
      submitted_at: at,
      updated_at: at,
      step_entered_at: at,
    })
    .returning(['id', 'chain'])
    .executeTakeFirstOrThrow();
}

/** A 工作年度报表 of `year` for `siteId`, reviewed by `reviewerOrg`, written directly in `state` as of `at`. */
export async function makeWorkReport(
  db: Db,
  o: { siteId: number; state: 'SUBMITTED' | 'DRAFT' | 'APPROVED'; at: Date; year?: number; reviewerOrg?: string },
): Promise<number> {
  const row = await db
    .insertInto('work_reports')
    .values({
      site_id: o.siteId,
      year: o.year ?? 2026,
      state: o.state,
      reviewer_org: o.reviewerOrg ?? '130302',
      submitted_at: o.state === 'DRAFT' ? null : o.at,
      decided_at: o.state === 'APPROVED' ? o.at : null,
      created_at: o.at,
      updated_at: o.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// The rows of the national-scale data set, chunk by chunk from its plan (scale-plan.ts): sites with their basic
// information and 栏目, the NEW_SITE request of every entry and the change requests of issued sites, and the
// 审核流水 each of them left (about five entries per site). Pure and deterministic.

import type { ActorType, RequestState, RequestType, RunStatus } from '../db/schema.ts';
import { AUDIT_ACTION_TEXT } from '../domain/audit-events.ts';
import { batchCutoffAt } from '../domain/issuance.ts';
import { formatSiteCode } from '../domain/org-code.ts';
import { reviewChain, singleReviewer } from '../domain/review-chain.ts';
import type { SiteInfo } from '../domain/site-info.ts';
import { COLUMN_SEPARATOR, normalizeName } from '../domain/text.ts';
import { hostOf, normalizeUrlForCompare } from '../domain/validation/index.ts';
import { provinceOf } from '../domain/validation/provinces.ts';
import { demoPerson, hashString, prng } from './people.ts';
import { between, type PlannedSite, type ScaleOrg, type ScalePlan } from './scale-plan.ts';
import { COLUMN_NAMES, PRINCIPAL_TITLES, RETURN_REASONS } from './scale-words.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SiteRowOut {
  id: number;
  site_code: string | null;
  org_code: string;
  name: string;
  name_key: string;
  home_url: string;
  home_url_key: string;
  home_host: string;
  sponsor_name: string;
  is_portal: boolean;
  is_service_platform: boolean;
  info: string;
  columns: string;
  run_status: RunStatus;
  code_issued_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface RequestRowOut {
  id: number;
  type: RequestType;
  state: RequestState;
  site_id: number;
  org_code: string;
  is_portal: boolean;
  chain: string[];
  step_index: number;
  current_org: string | null;
  payload: string;
  return_reason: string | null;
  version: number;
  submitted_at: Date;
  updated_at: Date;
  step_entered_at: Date;
  final_approved_at: Date | null;
  decided_at: Date | null;
}

export interface AuditRowOut {
  id: number;
  at: Date;
  actor_type: ActorType;
  actor_name: string | null;
  actor_org_code: string | null;
  action: string;
  entity_type: 'REQUEST';
  entity_id: string;
  site_code: string | null;
  request_id: number;
  from_state: string | null;
  to_state: string;
  comment: string | null;
  data: string;
}

export interface ScaleChunk {
  sites: SiteRowOut[];
  requests: RequestRowOut[];
  audit: AuditRowOut[];
}

type Actor = Pick<AuditRowOut, 'actor_type' | 'actor_name' | 'actor_org_code'>;
const APPLICANT: Actor = { actor_type: 'APPLICANT', actor_name: null, actor_org_code: null };
const SYSTEM: Actor = { actor_type: 'SYSTEM', actor_name: '系统', actor_org_code: null };

interface Step {
  at: number;
  actor: Actor;
  action: string;
  from: RequestState | null;
  to: RequestState;
  comment?: string;
  data: Record<string, unknown>;
}

/** Builds the rows of consecutive planned sites; ids continue from chunk to chunk (one builder per run). */
export class ScaleRowBuilder {
  private nextRequestId: number;
  private nextAuditId: number;
  private readonly cutoff: number;
  private readonly now: number;

  constructor(private readonly plan: ScalePlan) {
    this.nextRequestId = plan.input.existing.nextRequestId;
    this.nextAuditId = plan.input.existing.nextAuditId;
    this.now = plan.input.now.getTime();
    this.cutoff = batchCutoffAt(plan.input.now).getTime();
  }

  build(from: number, to: number): ScaleChunk {
    const chunk: ScaleChunk = { sites: [], requests: [], audit: [] };
    for (const s of this.plan.sites.slice(from, to)) this.buildSite(s, chunk);
    return chunk;
  }

  private org(code: string): ScaleOrg {
    const org = this.plan.orgByCode.get(code);
    if (!org) throw new Error(`unknown org ${code}`);
    return org;
  }

  private reviewer(code: string): Actor {
    return { actor_type: 'ORG_USER', actor_name: `${this.org(code).displayName}审核员`, actor_org_code: code };
  }

  private info(s: PlannedSite, r: () => number, isServicePlatform: boolean): SiteInfo {
    const org = this.org(s.orgCode);
    const province = provinceOf(org.code);
    const person = (slot: number) => demoPerson(org.code, 10 + s.index * 3 + slot);
    const digits = (k: number) => Array.from({ length: k }, () => Math.floor(r() * 10)).join('');
    const psbPair = province?.pair === '66' ? '65' : (province?.pair ?? '11');
    return {
      name: s.name,
      homeUrl: s.homeUrl,
      orgCode: org.code,
      isPortal: s.isPortal,
      isServicePlatform,
      sponsorName: s.sponsorName,
      sponsorAddress: '',
      organizerName: r() < 0.5 ? `${s.sponsorName}信息中心` : '',
      maintainerName: '',
      principal: { ...person(0), title: PRINCIPAL_TITLES[Math.floor(r() * PRINCIPAL_TITLES.length)]! },
      contacts: r() < 0.3 ? [person(1), person(2)] : [person(1)],
      icpNo: `${province?.icp[0] ?? '京'}ICP备${digits(8)}号`,
      psbNo: `${province?.psb[0] ?? '京'}公网安备${psbPair}${digits(12)}号`,
      conacCode: '',
      chineseDomain: '',
    };
  }

  /** One row per active category, as the site workspace stores them: ~¾ with 1–3 栏目 (about 12), the rest 「无」. */
  private columns(s: PlannedSite, r: () => number) {
    return this.plan.input.categories.map((c) => {
      if (r() < 0.25) return { category: c.code, categoryName: c.name, names: '无', addresses: '无' };
      const pool = COLUMN_NAMES[c.code] ?? [c.name];
      const names = pool.slice(0, 1 + Math.floor(r() * Math.min(3, pool.length)));
      const slug = c.code.toLowerCase();
      return {
        category: c.code,
        categoryName: c.name,
        names: names.join(COLUMN_SEPARATOR),
        addresses: names.map((_, i) => `${s.homeUrl}${slug}${i ? i + 1 : ''}/`).join(COLUMN_SEPARATOR),
      };
    });
  }

  /** The 审核流水 of one request: one entry per step. */
  private trail(out: ScaleChunk, requestId: number, siteCode: string | null, steps: readonly Step[]): void {
    for (const step of steps) {
      out.audit.push({
        id: this.nextAuditId++,
        at: new Date(step.at),
        ...step.actor,
        action: step.action,
        entity_type: 'REQUEST',
        entity_id: String(requestId),
        site_code: siteCode,
        request_id: requestId,
        from_state: step.from,
        to_state: step.to,
        comment: step.comment ?? null,
        data: JSON.stringify(step.data),
      });
    }
  }

  private buildSite(s: PlannedSite, out: ScaleChunk): void {
    const { input } = this.plan;
    const r = prng(hashString(`${input.seed}|r|${s.index}`));
    const siteId = input.existing.nextSiteId + s.index;
    const serviceFlag = !s.isPortal && r() < 0.08;
    const info = this.info(s, r, serviceFlag);
    const columns = this.columns(s, r);
    const siteCode = s.lifecycle === 'ISSUED' ? formatSiteCode(s.orgCode, s.seq) : null;
    const app = this.application(s, r, siteId, siteCode, info, out);
    const later = siteCode
      ? this.laterLife(s, r, siteId, siteCode, { info, columns, since: app.lastEvent }, out)
      : { lastEvent: app.lastEvent, versions: 0 };
    const runStatus: RunStatus = siteCode ? 'NORMAL' : s.lifecycle === 'WITHDRAWN' ? 'WITHDRAWN' : 'APPLYING';
    out.sites.push({
      id: siteId,
      site_code: siteCode,
      org_code: s.orgCode,
      name: s.name,
      name_key: normalizeName(s.name),
      home_url: s.homeUrl,
      home_url_key: normalizeUrlForCompare(s.homeUrl),
      home_host: hostOf(s.homeUrl) ?? '',
      sponsor_name: s.sponsorName,
      is_portal: s.isPortal,
      is_service_platform: serviceFlag,
      info: JSON.stringify(info),
      columns: JSON.stringify(columns),
      run_status: runStatus,
      code_issued_at: app.issuedAt === null ? null : new Date(app.issuedAt),
      version: 1 + (app.issuedAt === null ? 0 : 1) + later.versions,
      created_at: new Date(app.submittedAt),
      updated_at: new Date(later.lastEvent),
    });
  }

  /** The NEW_SITE request: submitted, approved step by step, then returned, withdrawn, waiting or issued. */
  private application(
    s: PlannedSite,
    r: () => number,
    siteId: number,
    siteCode: string | null,
    info: SiteInfo,
    out: ScaleChunk,
  ) {
    const chain = reviewChain(this.plan.tree, { orgCode: s.orgCode, isPortal: s.isPortal });
    const last = chain.length - 1;
    const decided = s.lifecycle === 'ISSUED' || s.lifecycle === 'CODE_PENDING';
    const submittedAt = (s.lifecycle === 'CODE_PENDING' ? this.cutoff : this.now) - s.ageDays * DAY;
    // CODE_PENDING: finally approved before the last 16:00, so the next batch issues it (or, for the demo, after it:
    // still waiting for the next batch).
    const afterCutoff = s.lifecycle === 'CODE_PENDING' && this.plan.input.pendingAfterCutoff === true;
    const horizon = s.lifecycle === 'CODE_PENDING' ? this.cutoff - 5 * 60_000 : this.now - HOUR;
    const span = s.lifecycle === 'ISSUED' ? Math.min(20 * DAY, (horizon - submittedAt) / 4) : horizon - submittedAt;
    const approvals = decided ? chain.length : s.lifecycle === 'IN_REVIEW' || s.lifecycle === 'RETURNED' ? s.step : 0;
    const bulkSubmitted = s.lifecycle === 'IN_REVIEW' && s.step === 0;
    const closing = s.lifecycle === 'RETURNED' || s.lifecycle === 'WITHDRAWN' || bulkSubmitted ? 1 : 0;
    const times = Array.from({ length: approvals + closing }, () => submittedAt + r() * span).sort((a, b) => a - b);
    if (afterCutoff && times.length > 0) {
      // The final approval between the last 16:00 and now (the earlier steps stay before it).
      const window = Math.max(60_000, this.now - this.cutoff - 2 * 60_000);
      times[times.length - 1] = Math.min(this.now - 60_000, this.cutoff + 60_000 + r() * window);
    }
    const steps: Step[] = [
      {
        at: submittedAt,
        actor: APPLICANT,
        action: AUDIT_ACTION_TEXT.REQUEST_SUBMITTED,
        from: null,
        to: 'SUBMITTED',
        data: { type: 'NEW_SITE', siteName: s.name, orgCode: s.orgCode, isPortal: s.isPortal },
      },
    ];
    const move = (i: number, to: number | null) => ({
      type: 'NEW_SITE',
      fromStep: i,
      toStep: to ?? i,
      fromOrg: chain[i],
      toOrg: to === null ? null : chain[to],
    });
    if (bulkSubmitted) {
      steps.push({
        at: times[0]!,
        actor: this.reviewer(chain[0]!),
        action: AUDIT_ACTION_TEXT.REQUEST_SUBMITTED_ALL,
        from: 'SUBMITTED',
        to: 'IN_REVIEW',
        data: move(0, 0),
      });
    }
    for (let i = 0; i < approvals; i++) {
      const final = i === last;
      steps.push({
        at: times[i]!,
        actor: this.reviewer(chain[i]!),
        action: AUDIT_ACTION_TEXT.REQUEST_APPROVED,
        from: i === 0 ? 'SUBMITTED' : 'IN_REVIEW',
        to: final ? 'CODE_PENDING' : 'IN_REVIEW',
        data: move(i, final ? null : i + 1),
      });
    }
    let returnReason: string | null = null;
    if (s.lifecycle === 'RETURNED') {
      returnReason = RETURN_REASONS[Math.floor(r() * RETURN_REASONS.length)]!;
      const from = s.step === 0 ? 'SUBMITTED' : 'IN_REVIEW';
      const at = times[approvals]!;
      steps.push({
        at,
        actor: this.reviewer(chain[s.step]!),
        action: AUDIT_ACTION_TEXT.REQUEST_RETURNED,
        from,
        to: 'RETURNED',
        comment: returnReason,
        data: move(s.step, null),
      });
    }
    if (s.lifecycle === 'WITHDRAWN') {
      steps.push({
        at: times[0]!,
        actor: APPLICANT,
        action: AUDIT_ACTION_TEXT.REQUEST_WITHDRAWN,
        from: 'SUBMITTED',
        to: 'WITHDRAWN',
        data: { type: 'NEW_SITE' },
      });
    }
    const finalApprovedAt = decided ? (steps[steps.length - 1]?.at ?? submittedAt) : null;
    let issuedAt: number | null = null;
    if (s.lifecycle === 'ISSUED' && finalApprovedAt !== null) {
      issuedAt = batchCutoffAt(new Date(finalApprovedAt)).getTime() + DAY;
      steps.push({
        at: issuedAt,
        actor: SYSTEM,
        action: AUDIT_ACTION_TEXT.CODE_ISSUED,
        from: 'CODE_PENDING',
        to: 'DONE',
        data: { orgCode: s.orgCode, seq: s.seq },
      });
    }
    const requestId = this.nextRequestId++;
    this.trail(out, requestId, null, steps.slice(0, issuedAt === null ? undefined : -1));
    if (issuedAt !== null) this.trail(out, requestId, siteCode, steps.slice(-1));
    const end = steps[steps.length - 1]!;
    const state = end.to;
    const stepIndex = decided ? last : s.step;
    const reviewable = state === 'SUBMITTED' || state === 'IN_REVIEW';
    // The step was entered by the last move that changed the position (or by the submission).
    const entered = steps
      .filter(
        (st) =>
          st.action === AUDIT_ACTION_TEXT.REQUEST_APPROVED ||
          st.action === AUDIT_ACTION_TEXT.REQUEST_SUBMITTED_ALL ||
          st.action === AUDIT_ACTION_TEXT.REQUEST_SUBMITTED,
      )
      .pop();
    out.requests.push({
      id: requestId,
      type: 'NEW_SITE',
      state,
      site_id: siteId,
      org_code: s.orgCode,
      is_portal: s.isPortal,
      chain,
      step_index: stepIndex,
      current_org: reviewable ? chain[stepIndex]! : null,
      payload: JSON.stringify({ info }),
      return_reason: returnReason,
      version: steps.length,
      submitted_at: new Date(submittedAt),
      updated_at: new Date(end.at),
      step_entered_at: new Date(entered?.at ?? submittedAt),
      final_approved_at: finalApprovedAt === null ? null : new Date(finalApprovedAt),
      decided_at: finalApprovedAt === null ? (returnReason ? new Date(end.at) : null) : new Date(finalApprovedAt),
    });
    return { submittedAt, issuedAt, lastEvent: end.at };
  }

  /** An issued site's later life: maybe an approved 基本信息修改, maybe one open single-step request. */
  private laterLife(
    s: PlannedSite,
    r: () => number,
    siteId: number,
    siteCode: string,
    record: { info: SiteInfo; columns: object[]; since: number },
    out: ScaleChunk,
  ): { lastEvent: number; versions: number } {
    const reviewer = singleReviewer(this.plan.tree, { orgCode: s.orgCode, isPortal: s.isPortal });
    const site: Actor = { actor_type: 'SITE', actor_name: siteCode, actor_org_code: null };
    let lastEvent = record.since;
    let versions = 0;
    const next = () => lastEvent + between(r, 0.05, 0.95) * (this.now - HOUR - lastEvent);
    const request = (type: RequestType, steps: Step[], payload: object) => {
      const id = this.nextRequestId++;
      this.trail(out, id, siteCode, steps);
      const first = steps[0]!;
      const end = steps[steps.length - 1]!;
      out.requests.push({
        id,
        type,
        state: end.to,
        site_id: siteId,
        org_code: s.orgCode,
        is_portal: s.isPortal,
        chain: [reviewer],
        step_index: 0,
        current_org: end.to === 'SUBMITTED' ? reviewer : null,
        payload: JSON.stringify(payload),
        return_reason: end.to === 'RETURNED' ? (end.comment ?? null) : null,
        version: steps.length,
        submitted_at: new Date(first.at),
        updated_at: new Date(end.at),
        step_entered_at: new Date(first.at),
        final_approved_at: end.to === 'DONE' ? new Date(end.at) : null,
        decided_at: steps.length > 1 ? new Date(end.at) : null,
      });
      lastEvent = end.at;
    };
    const submit = (type: RequestType, at: number): Step => ({
      at,
      actor: site,
      action: AUDIT_ACTION_TEXT.REQUEST_SUBMITTED,
      from: null,
      to: 'SUBMITTED',
      data: { type },
    });
    const decision = (type: RequestType, at: number, to: 'DONE' | 'RETURNED'): Step => ({
      at,
      actor: this.reviewer(reviewer),
      action: to === 'DONE' ? AUDIT_ACTION_TEXT.REQUEST_APPROVED : AUDIT_ACTION_TEXT.REQUEST_RETURNED,
      from: 'SUBMITTED',
      to,
      ...(to === 'RETURNED' ? { comment: RETURN_REASONS[0] } : {}),
      data: { type, fromStep: 0, toStep: 0, fromOrg: reviewer, toOrg: null },
    });
    const modifyPayload = (title: string) => ({
      baseVersion: 2 + versions,
      info: { ...record.info, principal: { ...record.info.principal, title } },
      columns: record.columns,
    });

    if (s.modified) {
      const at = next();
      request(
        'MODIFY',
        [submit('MODIFY', at), decision('MODIFY', at + between(r, 0.5, 3) * HOUR, 'DONE')],
        modifyPayload(record.info.principal.title),
      );
      versions++;
    }
    if (s.openChange === 'NONE') return { lastEvent, versions };
    const at = next();
    switch (s.openChange) {
      case 'SERVICE_ON':
        request('SERVICE_ON', [submit('SERVICE_ON', at)], {
          baseVersion: 2 + versions,
          info: { isServicePlatform: true },
        });
        break;
      case 'DOMAINS':
        request('DOMAINS', [submit('DOMAINS', at)], {
          baseVersion: 2 + versions,
          domains: [`www2.${hostOf(s.homeUrl) ?? ''}`],
        });
        break;
      case 'MODIFY_SUBMITTED':
        request('MODIFY', [submit('MODIFY', at)], modifyPayload('主任'));
        break;
      case 'MODIFY_RETURNED': {
        const returned = Math.min(at + between(r, 1, 48) * HOUR, this.now - 60_000);
        request('MODIFY', [submit('MODIFY', at), decision('MODIFY', returned, 'RETURNED')], modifyPayload('主任'));
        break;
      }
    }
    return { lastEvent, versions };
  }
}

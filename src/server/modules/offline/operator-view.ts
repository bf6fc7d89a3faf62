// The 填报单位's offline page (GET /api/site/offline): its run status as it sees it (SPEC §7.8), what it may do now
// and why not (下线申请 per kind, 完成下线, 恢复上线), the limits that apply, its offline requests and their 流水.
import { MESSAGES } from '../../../domain/messages/index.ts';
import {
  completeAbility,
  NOTICE_MIN_DAYS,
  OFFLINE_KIND_LABELS,
  OFFLINE_KINDS,
  OFFLINE_REQUEST_TYPES,
  type OfflineKind,
  offlineEligibility,
  reporterOfflineLabel,
  restoreAbility,
  siteStatusText,
  TEMP_OFFLINE_MAX_DAYS,
  TEMP_OFFLINE_PER_YEAR,
  todayCN,
} from '../../../domain/offline.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { AuditRow } from '../requests/repository.ts';
import { siteOfflineRequests, siteOfflineTrail } from './operator-repository.ts';
import { approvedTempYears, findSiteByCode, openRequestType } from './repository.ts';
import type { OperatorView } from './schema.ts';

const REQUEST_STATE_TEXT: Readonly<Record<string, string>> = {
  SUBMITTED: '已提交',
  IN_REVIEW: '审核中',
  RETURNED: '已驳回',
  DONE: '已办结',
  WITHDRAWN: '已撤回',
};
const ACTOR_TEXT: Readonly<Record<string, string>> = { SITE: '填报单位', SYSTEM: '系统', APPLICANT: '申请人' };
const isoOf = (d: Date | null) => (d ? d.toISOString() : null);

function presentTrail(rows: AuditRow[], siteName: string): OperatorView['trail'] {
  return rows.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    unitName: e.unitName ?? (e.actorType === 'SITE' ? siteName : (ACTOR_TEXT[e.actorType] ?? '')),
    person: e.actorType === 'SITE' ? '填报单位' : (e.actorName ?? ''),
    action: e.action,
    from: e.fromState ? (REQUEST_STATE_TEXT[e.fromState] ?? e.fromState) : '',
    to: e.toState ? (REQUEST_STATE_TEXT[e.toState] ?? e.toState) : '',
    comment: e.comment ?? '',
  }));
}

export async function operatorView(ctx: AppContext, actor: SiteActor): Promise<OperatorView> {
  const site = await findSiteByCode(ctx.db, actor.siteCode);
  if (!site || site.runStatus === 'APPLYING' || site.runStatus === 'WITHDRAWN') throw notFound(MESSAGES.siteNotFound);
  const runStatus = site.runStatus;
  const [open, years, requests, trail] = await Promise.all([
    openRequestType(ctx.db, site.id),
    approvedTempYears(ctx.db, site.id),
    siteOfflineRequests(ctx.db, site.id),
    siteOfflineTrail(ctx.db, site.id, site.siteCode),
  ]);
  const eligibility = (kind: OfflineKind) =>
    offlineEligibility(kind, { runStatus, isPortal: site.isPortal, openRequestType: open });
  const apply = Object.fromEntries(OFFLINE_KINDS.map((k) => [k, eligibility(k)])) as Record<
    OfflineKind,
    ReturnType<typeof eligibility>
  >;
  return {
    site: {
      siteCode: site.siteCode,
      name: site.name,
      isPortal: site.isPortal,
      runStatus,
      runStatusLabel: siteStatusText('REPORTER', runStatus, site.until),
      runStatusUntil: site.until,
      readOnly: runStatus === 'PERM_OFFLINE',
    },
    abilities: { apply, complete: completeAbility(runStatus), restore: restoreAbility(runStatus) },
    limits: {
      today: todayCN(ctx.clock.now()),
      tempMaxDays: TEMP_OFFLINE_MAX_DAYS,
      tempPerYear: TEMP_OFFLINE_PER_YEAR,
      emergencyMaxDays: ctx.config.emergencyMaxDays,
      noticeMinDays: NOTICE_MIN_DAYS,
      approvedTempYears: years,
    },
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: OFFLINE_KIND_LABELS[r.kind],
      state: r.state,
      label: reporterOfflineLabel({
        type: OFFLINE_REQUEST_TYPES[r.kind],
        state: r.state,
        returnReason: r.returnReason,
        completed: r.completedAt !== null,
      }),
      plannedDate: r.plannedDate,
      endDate: r.endDate,
      reason: r.reason,
      description: r.description,
      migrationUrl: r.migrationUrl,
      attachment: r.attachment,
      submittedAt: r.submittedAt.toISOString(),
      returnReason: r.returnReason,
      rejected: r.rejected,
      startedAt: isoOf(r.startedAt),
      endedAt: isoOf(r.endedAt),
      completedAt: isoOf(r.completedAt),
    })),
    trail: presentTrail(trail, site.name),
  };
}

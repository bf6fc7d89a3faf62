// 下线申请 by the 填报单位 (SPEC §7.6): eligibility and limits checked under the site's row lock, the request routed
// through the offline chain; a 紧急下线 takes effect at once (EMERGENCY_OFFLINE until its online date).
import { MESSAGES } from '../../../domain/messages/index.ts';
import {
  checkOfflineLimits,
  OFFLINE_KIND_LABELS,
  OFFLINE_REQUEST_TYPES,
  type OfflineForm,
  offlineEligibility,
  siteStatusText,
  todayCN,
  yearOf,
} from '../../../domain/offline.ts';
import { checkHttpUrl } from '../../../domain/validation/index.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, SiteActor } from '../../context.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { uniqueViolation } from '../applications/repository.ts';
import { queueRequestEvent } from '../notifications/queue-request-event.ts';
import { computeReviewChain } from '../org-units/routing.ts';
import { findUnusedAttachment } from './attachments-repository.ts';
import { approvedTempYears, findSiteByCode, insertOfflineRequest, markStarted, openRequestType } from './repository.ts';
import { changeRunStatus } from './run-status.ts';
import type { ApplyInput } from './schema.ts';

export interface ApplyOutcome {
  requestId: number;
  state: string;
  runStatus: string;
  runStatusLabel: string;
}

function migrationUrlOf(input: ApplyInput): string | null {
  if (input.kind !== 'PERM' || !input.migrationUrl) return null;
  const checked = checkHttpUrl(input.migrationUrl, '整合迁移后网址');
  if (!checked.ok) throw invalid(checked.error, { fields: [{ field: 'migrationUrl', message: checked.error }] });
  return checked.value;
}

export async function applyOffline(
  ctx: AppContext,
  opts: { actor: SiteActor; input: ApplyInput; ip: string | null },
): Promise<ApplyOutcome> {
  const { actor, input } = opts;
  const now = ctx.clock.now();
  const today = todayCN(now);
  const kind = input.kind;
  const plannedDate = kind === 'EMERGENCY' ? (input.plannedDate ?? today) : input.plannedDate;
  if (!plannedDate)
    throw invalid(MESSAGES.plannedDateRequired, {
      fields: [{ field: 'plannedDate', message: MESSAGES.plannedDateRequired }],
    });
  const form: OfflineForm = {
    kind,
    plannedDate,
    restoreDate: kind === 'TEMP' ? (input.restoreDate ?? null) : null,
    onlineDate: kind === 'EMERGENCY' ? (input.onlineDate ?? null) : null,
  };
  const migrationUrl = migrationUrlOf(input);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const site = await findSiteByCode(trx, actor.siteCode, true);
      if (!site) throw notFound(MESSAGES.siteNotFound);
      const eligibility = offlineEligibility(kind, {
        runStatus: site.runStatus,
        isPortal: site.isPortal,
        openRequestType: await openRequestType(trx, site.id),
      });
      if (!eligibility.allowed) throw new AppError('CONFLICT', eligibility.reason);
      const years = kind === 'TEMP' ? await approvedTempYears(trx, site.id) : [];
      const errors = checkOfflineLimits(form, {
        today,
        emergencyMaxDays: ctx.config.emergencyMaxDays,
        approvedTempInYear: years.filter((y) => y === yearOf(plannedDate)).length,
      });
      const first = errors[0];
      if (first) throw invalid(first.message, { fields: errors });
      const attachmentId = input.attachmentId ?? null;
      if (attachmentId !== null && !(await findUnusedAttachment(trx, site.id, attachmentId))) {
        throw invalid(MESSAGES.offlineAttachmentUnusable);
      }
      const chain = await computeReviewChain(trx, { orgCode: site.orgCode, isPortal: site.isPortal });
      const endDate = form.restoreDate ?? form.onlineDate ?? null;
      const requestId = await insertOfflineRequest(trx, {
        site,
        type: OFFLINE_REQUEST_TYPES[kind],
        kind,
        chain,
        now,
        reason: input.reason,
        description: input.description ?? '',
        plannedDate,
        endDate,
        migrationUrl,
        attachmentId,
      });
      await writeAudit(
        trx,
        now,
        actor,
        {
          kind: 'REQUEST_SUBMITTED',
          entityType: 'REQUEST',
          entityId: String(requestId),
          siteCode: site.siteCode,
          requestId,
          fromState: null,
          toState: 'SUBMITTED',
          comment: `${OFFLINE_KIND_LABELS[kind]}：${input.reason}`,
          data: { type: OFFLINE_REQUEST_TYPES[kind], toOrg: chain[0] ?? null, plannedDate, endDate },
        },
        opts.ip,
      );
      await queueRequestEvent(trx, { type: 'SUBMITTED', requestId, at: now });
      let runStatus = site.runStatus;
      let until = site.until;
      if (kind === 'EMERGENCY' && endDate) {
        // Effective on submission (SPEC §7.6.4): the row is locked, so the compare-and-set cannot miss.
        const changed = await changeRunStatus(trx, {
          site,
          cause: 'EMERGENCY_OFFLINE',
          until: endDate,
          now,
          actor,
          requestId,
          comment: input.reason,
          ip: opts.ip,
        });
        if (!changed) throw new AppError('STATE_CONFLICT', MESSAGES.siteStatusChanged);
        await markStarted(trx, requestId, now);
        runStatus = 'EMERGENCY_OFFLINE';
        until = endDate;
      }
      return {
        requestId,
        state: 'SUBMITTED',
        runStatus,
        runStatusLabel:
          runStatus === 'APPLYING' || runStatus === 'WITHDRAWN' ? '' : siteStatusText('REPORTER', runStatus, until),
      };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', MESSAGES.siteHasOpenRequestNoOffline);
    throw error;
  }
}

// 修改并重新提交: a RETURNED application is corrected and resubmitted with its 临时码 (SPEC §16 item 2): same
// application, same 临时码, the stored chain snapshot restarts at chain[0].

import { MESSAGES } from '../../../domain/messages/index.ts';
import { applicantProgressText, decide } from '../../../domain/requests.ts';
import type { SiteInfo, SiteInfoInput } from '../../../domain/site-info.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { applyTransition } from '../../lifecycle/request-transition.ts';
import { queueRequestEvent } from '../notifications/queue-request-event.ts';
import { toRequestCore } from '../requests/repository.ts';
import { assertNoDuplicates, conflictFromUniqueViolation } from './conflicts.ts';
import { findByTempCode } from './find-by-temp-code.ts';
import { lockOrgUnit, orgsByCode, updateApplicationSite } from './repository.ts';
import { invalidInfo, validateApplicationInfo } from './submit-application.ts';

/** JSON with sorted keys: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Top-level fields whose value changed, for the 审核流水 entry. */
function changedFields(before: Partial<SiteInfo>, after: SiteInfo): string[] {
  return (Object.keys(after) as (keyof SiteInfo)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));
}

export async function resubmitApplication(
  ctx: AppContext,
  input: { tempCode: string; info: SiteInfoInput; ip: string },
) {
  const row = await findByTempCode(ctx, input.tempCode, input.ip);
  const request = toRequestCore(row);
  const decision = decide(request, { kind: 'REQUESTER' }, 'SUBMIT');
  if (!decision.ok) throw new AppError('STATE_CONFLICT', MESSAGES.cannotResubmit(decision.reason));
  const { info, org } = await validateApplicationInfo(ctx, input.info);
  // The review chain was snapshotted from the org and the portal choice; changing either is a new application.
  if (info.orgCode !== row.org_code) {
    throw invalidInfo([{ field: 'orgCode', message: MESSAGES.orgCodeLockedOnResubmit }]);
  }
  if (info.isPortal !== row.is_portal) {
    throw invalidInfo([{ field: 'isPortal', message: MESSAGES.portalLockedOnResubmit }]);
  }
  await assertNoDuplicates(ctx.db, info, row.site_id);

  const next = decision.next;
  const now = ctx.clock.now();
  const before = row.info as Partial<SiteInfo>;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockOrgUnit(trx, org.code);
      await assertNoDuplicates(trx, info, row.site_id);
      const changed = await applyTransition(trx, {
        request,
        action: 'SUBMIT',
        next,
        now,
        payload: { ...(row.payload as Record<string, unknown>), info },
        audit: {
          actor: { kind: 'ANONYMOUS' },
          ip: input.ip,
          entry: {
            kind: 'REQUEST_RESUBMITTED',
            entityType: 'REQUEST',
            entityId: String(row.id),
            requestId: row.id,
            fromState: row.state,
            toState: next.state,
            data: { changedFields: changedFields(before, info) },
          },
        },
      });
      if (!changed) throw new AppError('STATE_CONFLICT', MESSAGES.requestStateConflict);
      await updateApplicationSite(trx, row.site_id, info, now);
      await queueRequestEvent(trx, { type: 'SUBMITTED', requestId: row.id, at: now });
    });
  } catch (error) {
    throw (await conflictFromUniqueViolation(ctx.db, error, info, org, row.site_id)) ?? error;
  }
  const first = row.chain[0] ?? '';
  const orgs = await orgsByCode(ctx.db, [first]);
  return {
    state: next.state,
    text: applicantProgressText({ state: next.state }, now),
    firstReviewer: { code: first, name: orgs.get(first)?.name ?? first },
  };
}

// 设为例外 / 删除 / 恢复正常 (SPEC §7.7, §8.1 #9) by the root or the site's level-1 unit, with a mandatory reason and
// a 审核流水 entry. 删除 also closes the site's open requests and ends its 填报单位 sessions.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { decide } from '../../../domain/requests.ts';
import {
  canManageSiteStatus,
  type SiteStatusAction,
  siteStatusAbilities,
  siteStatusTransition,
} from '../../../domain/site-status.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { applyTransition } from '../../lifecycle/request-transition.ts';
import { endAllSessions } from '../../plugins/session.ts';
import { uniqueViolation } from '../applications/repository.ts';
import { orgListStatus } from '../offline/present.ts';
import { endOffline, findSiteInSubtree, lockSiteInSubtree } from '../offline/repository.ts';
import { changeRunStatus } from '../offline/run-status.ts';
import { lockOpenRequests } from './repository.ts';

export interface StatusChangeInput {
  actor: OrgActor;
  siteId: number;
  action: SiteStatusAction;
  reason: string;
  ip: string | null;
}

/** What the caller may do to the site now (the buttons of §8.1 #9), 404 outside its subtree. */
export async function siteStatusActions(ctx: AppContext, actor: OrgActor, siteId: number) {
  const site = await findSiteInSubtree(ctx.db, actor.orgPath, siteId);
  if (!site) throw notFound(MESSAGES.siteNotFound);
  return {
    runStatus: site.runStatus,
    listStatus: orgListStatus(site),
    abilities: siteStatusAbilities(canManageSiteStatus(actor, site.orgPath), site.runStatus),
  };
}

export async function changeSiteStatus(ctx: AppContext, input: StatusChangeInput) {
  const { actor, action } = input;
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const site = await lockSiteInSubtree(trx, actor.orgPath, input.siteId);
      if (!site) throw notFound(MESSAGES.siteNotFound);
      const manager = canManageSiteStatus(actor, site.orgPath);
      if (!manager.allowed) throw new AppError('FORBIDDEN', manager.reason);
      const transition = siteStatusTransition(action, site.runStatus);
      if (!transition.ok) throw new AppError('CONFLICT', transition.reason);
      if (action === 'DELETE') {
        for (const r of await lockOpenRequests(trx, site.id)) {
          const decision = decide(r, { kind: 'ORG', orgCode: actor.orgCode }, 'SITE_DELETED');
          if (!decision.ok) throw new AppError('STATE_CONFLICT', decision.reason);
          const moved = await applyTransition(trx, {
            request: r,
            action: 'SITE_DELETED',
            next: decision.next,
            now,
            audit: {
              actor,
              ip: input.ip,
              entry: {
                kind: 'REQUEST_WITHDRAWN',
                entityType: 'REQUEST',
                entityId: String(r.id),
                siteCode: site.siteCode,
                requestId: r.id,
                fromState: r.state,
                toState: decision.next.state,
                comment: '网站已删除，未办结的申请随之撤回',
                data: { type: r.type },
              },
            },
          });
          // The rows are locked: a miss means the database changed under the lock.
          if (!moved) throw new AppError('STATE_CONFLICT', MESSAGES.siteStatusChangedByOther);
        }
        await endAllSessions(trx, { siteCode: site.siteCode });
      }
      // Leaving an offline in effect (or, when deleting, also one approved but not started) ends it.
      await endOffline(trx, {
        siteId: site.id,
        now,
        endKind: action === 'DELETE' ? 'SUPERSEDED' : 'ORG_RESTORE',
        includePending: action === 'DELETE',
      });
      const changed = await changeRunStatus(trx, {
        site,
        cause: action,
        until: null,
        now,
        actor,
        requestId: null,
        comment: input.reason,
        ip: input.ip,
      });
      if (!changed) throw new AppError('STATE_CONFLICT', MESSAGES.siteStatusChangedByOther);
      return {
        siteId: site.id,
        runStatus: transition.to,
        listStatus: orgListStatus({ runStatus: transition.to, until: null }),
        warning: transition.warning,
      };
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    throw new AppError(
      'CONFLICT',
      constraint.includes('portal') ? MESSAGES.portalTakenNoRestore : MESSAGES.nameOrUrlTakenNoRestore,
    );
  }
}

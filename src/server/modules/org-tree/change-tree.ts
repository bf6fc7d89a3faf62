// 挂接关系维护: move (re-parent), disable or enable a unit, re-routing the open review steps under it in the same
// audited transaction. The preview runs the very same code in a transaction that is rolled back.

import type { z } from 'zod';
import { AUDIT_ACTION_TEXT } from '../../../domain/audit-events.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { MULTI_STEP_TYPES } from '../../../domain/requests.ts';
import { rerouteRequest, skipDisabled } from '../../../domain/reroute.ts';
import type { SingleReviewChange } from '../../../domain/review-chain.ts';
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor, Trx } from '../../context.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { applyReroute } from '../../lifecycle/request-transition.ts';
import { ancestorsOf } from '../org-units/repository.ts';
import { computeReviewChain, computeSingleReviewer } from '../org-units/routing.ts';
import {
  hasEnabledChildren,
  lockUnit,
  moveSubtree,
  ORG_UNIT_ENTITY,
  type RoutableRequest,
  reroutableRequests,
  setEnabled,
  sitesInSubtree,
  unitNames,
} from './repository.ts';
import type { TreeAction, treeChangePlan } from './schema.ts';

export type TreeChangePlan = z.infer<typeof treeChangePlan>;

const TREE_EVENTS = { MOVE: 'ORG_UNIT_MOVED', DISABLE: 'ORG_UNIT_DISABLED', ENABLE: 'ORG_UNIT_ENABLED' } as const;

class PreviewRollback extends Error {
  constructor(readonly plan: TreeChangePlan) {
    super('preview only');
  }
}

function singleChange(type: RoutableRequest['type']): SingleReviewChange {
  if (type === 'PORTAL_ON') return { kind: 'PORTAL_ON' };
  if (type === 'PORTAL_OFF') return { kind: 'PORTAL_OFF' };
  return { kind: 'OTHER' };
}

/** The route the request would get if it were submitted now, from the tree as it stands inside `trx`. */
async function currentRoute(trx: Trx, r: RoutableRequest): Promise<string[]> {
  const site = { orgCode: r.orgCode, isPortal: r.isPortal };
  const chain = MULTI_STEP_TYPES.has(r.type)
    ? await computeReviewChain(trx, site)
    : [await computeSingleReviewer(trx, site, singleChange(r.type))];
  const line = await ancestorsOf(trx, r.orgCode); // root first, the site's own unit last
  const enabled = new Map(line.map((o) => [o.code, o.enabled]));
  const codes = line.map((o) => o.code);
  return skipDisabled(
    chain,
    (code) => enabled.get(code) ?? false,
    (code) => codes.slice(0, codes.indexOf(code)).reverse(),
  );
}

async function validateAndChange(trx: Trx, code: string, action: TreeAction, now: Date) {
  const unit = await lockUnit(trx, code);
  if (!unit) throw notFound(MESSAGES.orgUnitNotFound);
  if (unit.level === 0) throw invalid(MESSAGES.rootUnitFixed);
  let toParentCode = unit.parent_code;
  let movedUnits = 0;
  switch (action.action) {
    case 'MOVE': {
      const parent = await lockUnit(trx, action.newParentCode);
      if (!parent) throw invalid(MESSAGES.newParentMissing(action.newParentCode));
      if (parent.code === unit.parent_code) throw invalid(MESSAGES.newParentSame);
      if (!parent.enabled) throw invalid(MESSAGES.newParentDisabled(parent.display_name));
      if (parent.level !== unit.level - 1) {
        throw invalid(MESSAGES.moveOneLevelUp(unit.level, parent.display_name, parent.level));
      }
      movedUnits = await moveSubtree(trx, {
        code: unit.code,
        oldPath: unit.path,
        newPath: `${parent.path}${unit.code}/`,
        newParentCode: parent.code,
        now,
      });
      toParentCode = parent.code;
      return { unit, path: `${parent.path}${unit.code}/`, toParentCode, movedUnits };
    }
    case 'DISABLE': {
      if (!unit.enabled) throw invalid(MESSAGES.unitAlreadyDisabled);
      if (await hasEnabledChildren(trx, unit.code)) throw invalid(MESSAGES.disableChildrenFirst);
      await setEnabled(trx, unit.code, false, now);
      return { unit, path: unit.path, toParentCode, movedUnits: 1 };
    }
    case 'ENABLE': {
      if (unit.enabled) throw invalid(MESSAGES.unitAlreadyEnabled);
      const parent = unit.parent_code ? await lockUnit(trx, unit.parent_code) : undefined;
      if (parent && !parent.enabled) throw invalid(MESSAGES.parentUnitDisabledEnableFirst(parent.display_name));
      await setEnabled(trx, unit.code, true, now);
      return { unit, path: unit.path, toParentCode, movedUnits: 1 };
    }
  }
}

async function plan(
  trx: Trx,
  actor: OrgActor,
  code: string,
  action: TreeAction,
  apply: boolean,
  now: Date,
  ip: string | null,
): Promise<TreeChangePlan> {
  const changed = await validateAndChange(trx, code, action, now);
  const { unit } = changed;
  const requests = await reroutableRequests(trx, changed.path);
  const rerouted: TreeChangePlan['rerouted'] = [];
  let unchanged = 0;
  for (const r of requests) {
    const next = rerouteRequest({ state: r.state, chain: r.chain, stepIndex: r.stepIndex }, await currentRoute(trx, r));
    if (!next.changed) {
      unchanged++;
      continue;
    }
    const oldCurrent = r.state === 'SUBMITTED' || r.state === 'IN_REVIEW' ? (r.chain[r.stepIndex] ?? null) : null;
    const step = {
      requestId: r.id,
      type: r.type,
      state: r.state,
      siteName: r.siteName,
      siteCode: r.siteCode,
      oldChain: r.chain,
      newChain: next.chain,
      oldStepIndex: r.stepIndex,
      newStepIndex: next.stepIndex,
      oldCurrentOrg: oldCurrent,
      newCurrentOrg: next.currentOrg,
    };
    rerouted.push(step);
    if (!apply) continue;
    const ok = await applyReroute(trx, {
      request: { id: r.id, state: r.state, version: r.version, currentOrg: oldCurrent },
      chain: next.chain,
      stepIndex: next.stepIndex,
      currentOrg: next.currentOrg,
      now,
      audit: {
        actor,
        ip,
        entry: {
          kind: 'REQUEST_REROUTED',
          entityType: 'REQUEST',
          entityId: String(r.id),
          requestId: r.id,
          siteCode: r.siteCode,
          fromState: r.state,
          toState: r.state,
          comment: `因组织单位「${unit.display_name}」${AUDIT_ACTION_TEXT[TREE_EVENTS[action.action]]}，审核流程由系统调整`,
          data: {
            unit: unit.code,
            oldChain: r.chain,
            newChain: next.chain,
            oldStep: r.stepIndex,
            newStep: next.stepIndex,
          },
        },
      },
    });
    if (!ok) throw new AppError('STATE_CONFLICT', MESSAGES.treeChangePreviewStale);
  }
  const sites = await sitesInSubtree(trx, changed.path, 50);
  const names = await unitNames(trx, [
    ...rerouted.flatMap((s) => [...s.oldChain, ...s.newChain]),
    ...[unit.parent_code, changed.toParentCode].filter((c): c is string => c !== null),
  ]);
  const result: TreeChangePlan = {
    applied: apply,
    action: action.action,
    unit: { code: unit.code, displayName: unit.display_name, level: unit.level },
    fromParentCode: unit.parent_code,
    toParentCode: changed.toParentCode,
    movedUnits: changed.movedUnits,
    affectedSites: {
      total: sites.total,
      items: sites.items.map((s) => ({
        id: s.id,
        siteCode: s.site_code,
        name: s.name,
        orgCode: s.org_code,
        orgName: s.org_name,
        runStatus: s.run_status,
      })),
    },
    rerouted,
    unchangedRequests: unchanged,
    names: Object.fromEntries(names),
  };
  if (apply) {
    const parentName = (c: string | null) => (c ? (names.get(c) ?? c) : '');
    await writeAudit(
      trx,
      now,
      actor,
      {
        kind: TREE_EVENTS[action.action],
        entityType: ORG_UNIT_ENTITY,
        entityId: unit.code,
        fromState: action.action === 'MOVE' ? unit.parent_code : unit.enabled ? 'ENABLED' : 'DISABLED',
        toState: action.action === 'MOVE' ? changed.toParentCode : action.action === 'DISABLE' ? 'DISABLED' : 'ENABLED',
        comment:
          action.action === 'MOVE'
            ? `「${unit.display_name}」由「${parentName(unit.parent_code)}」迁移至「${parentName(changed.toParentCode)}」，调整审核流程 ${rerouted.length} 件`
            : `${AUDIT_ACTION_TEXT[TREE_EVENTS[action.action]]}「${unit.display_name}」，调整审核流程 ${rerouted.length} 件`,
        data: {
          movedUnits: changed.movedUnits,
          affectedSites: sites.total,
          reroutedRequests: rerouted.map((s) => s.requestId),
        },
      },
      ip,
    );
  }
  return result;
}

/** `preview: true` answers what would happen, changing nothing; otherwise applies the change. */
export async function changeOrgTree(
  ctx: AppContext,
  opts: { actor: OrgActor; code: string; action: TreeAction; preview: boolean; ip: string | null },
): Promise<TreeChangePlan> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const result = await plan(trx, opts.actor, opts.code, opts.action, !opts.preview, now, opts.ip);
      if (opts.preview) throw new PreviewRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.plan;
    throw error;
  }
}

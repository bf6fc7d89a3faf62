// The unit a statistics view is about: the caller's own unit or one inside its subtree (else 404), with the trail.

import type { OrgUnitRow } from '../../../db/schema.ts';
import { MESSAGES } from '../../../domain/messages/index.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { ancestorsOf, findOrgUnitInSubtree } from '../org-units/repository.ts';

export interface StatsScope {
  unit: OrgUnitRow;
  view: { code: string; displayName: string; level: number; trail: { code: string; displayName: string }[] };
}

export async function resolveScope(ctx: AppContext, actor: OrgActor, code: string | undefined): Promise<StatsScope> {
  const unit = await findOrgUnitInSubtree(ctx.db, code || actor.orgCode, actor.orgPath);
  if (!unit) throw notFound(MESSAGES.orgUnitNotFound);
  const line = await ancestorsOf(ctx.db, unit.code);
  const from = line.findIndex((o) => o.code === actor.orgCode);
  return {
    unit,
    view: {
      code: unit.code,
      displayName: unit.display_name,
      level: unit.level,
      trail: line.slice(Math.max(from, 0)).map((o) => ({ code: o.code, displayName: o.display_name })),
    },
  };
}

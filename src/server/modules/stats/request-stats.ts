// 基本信息统计 — workflow figures: open requests by type and by the unit holding them, median days waited at the
// current step, and this quarter's new and closed sites.
import type { z } from 'zod';
import { quarterLabel, quarterOf, quarterRange } from '../../../domain/spot-check.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { REQUEST_TYPE_LABELS } from '../requests/schema.ts';
import { openRequestsByHolder, openRequestsByType, quarterCounts } from './repository.ts';
import { resolveScope } from './resolve-scope.ts';
import type { requestStats } from './schema.ts';

const days = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

export async function computeRequestStats(
  ctx: AppContext,
  actor: OrgActor,
  org: string | undefined,
): Promise<z.infer<typeof requestStats>> {
  const scope = await resolveScope(ctx, actor, org);
  const now = ctx.clock.now();
  const quarter = quarterOf(now);
  const [types, holders, counts] = await Promise.all([
    openRequestsByType(ctx.db, scope.unit.path, now),
    openRequestsByHolder(ctx.db, scope.unit.path, now),
    quarterCounts(ctx.db, scope.unit.path, quarterRange(quarter)),
  ]);
  return {
    scope: scope.view,
    openTotal: types.reduce((s, t) => s + t.count, 0),
    byType: types.map((t) => ({
      key: t.type,
      label: REQUEST_TYPE_LABELS[t.type],
      level: null,
      count: t.count,
      medianWaitDays: days(t.median_days),
    })),
    byHolder: holders.map((h) => ({
      key: h.code,
      label: h.display_name,
      level: h.level,
      count: h.count,
      medianWaitDays: days(h.median_days),
    })),
    quarter: { label: quarterLabel(quarter), newSites: counts.newSites, closedSites: counts.closedSites },
  };
}

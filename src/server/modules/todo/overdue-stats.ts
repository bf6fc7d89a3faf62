// 基本信息统计 — overdue review steps by subtree: for the scope unit (the caller's or one below it), the open, 逾期
// and escalated steps held by the scope itself (本级) and inside each child unit's subtree.
import type { z } from 'zod';
import { deadlineCutoffs } from '../../../domain/working-days.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { deadlineRuleOf } from '../../deadline-rule.ts';
import { resolveScope } from '../stats/resolve-scope.ts';
import { overdueByChild } from './repository.ts';
import type { overdueStats } from './schema.ts';

export async function computeOverdueStats(
  ctx: AppContext,
  actor: OrgActor,
  org: string | undefined,
): Promise<z.infer<typeof overdueStats>> {
  const scope = await resolveScope(ctx, actor, org);
  const rule = deadlineRuleOf(ctx.config);
  const counts = await overdueByChild(ctx.db, { path: scope.unit.path }, deadlineCutoffs(ctx.clock.now(), rule));
  const children = await ctx.db
    .selectFrom('org_units')
    .select(['code', 'display_name', 'level'])
    .where('parent_code', '=', scope.unit.code)
    .orderBy('code')
    .execute();
  const byChild = new Map(counts.map((c) => [c.child, c]));
  const zero = { open: 0, overdue: 0, escalated: 0 };
  const pick = (key: string) => {
    const c = byChild.get(key);
    return c ? { open: c.open, overdue: c.overdue, escalated: c.escalated } : zero;
  };
  const rows = [
    { code: scope.unit.code, name: `${scope.unit.display_name}（本级）`, level: scope.unit.level, ...pick('') },
    ...children.map((c) => ({ code: c.code, name: c.display_name, level: c.level, ...pick(c.code) })),
  ];
  const totals = counts.reduce(
    (sum, c) => ({ open: sum.open + c.open, overdue: sum.overdue + c.overdue, escalated: sum.escalated + c.escalated }),
    zero,
  );
  return {
    scope: { code: scope.unit.code, displayName: scope.unit.display_name, level: scope.unit.level },
    deadlineDays: rule.days,
    totals,
    rows,
  };
}

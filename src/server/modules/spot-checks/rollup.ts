// 上报抽查情况 — the root's national roll-up of a quarter: every level-1 unit, sums and the weighted pass rate.
import type { z } from 'zod';
import { percent, quarterLabel } from '../../../domain/spot-check.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { requireRoot } from './access.ts';
import { asQuarter } from './load-report.ts';
import { rollupRows } from './repository.ts';
import type { rollup } from './schema.ts';

export async function nationalRollup(
  ctx: AppContext,
  actor: OrgActor,
  query: { year: number; quarter: number },
): Promise<z.infer<typeof rollup>> {
  requireRoot(actor);
  const rows = await rollupRows(ctx.db, query.year, query.quarter);
  const submitted = rows.filter((r) => r.status === 'SUBMITTED');
  const sum = (key: 'running_total' | 'new_sites' | 'closed_sites' | 'checked_count' | 'passed_count') =>
    submitted.reduce((s, r) => s + (r[key] ?? 0), 0);
  const checked = sum('checked_count');
  const running = sum('running_total');
  return {
    quarterLabel: quarterLabel(asQuarter(query)),
    rows: rows.map((r) => {
      const has = r.id !== null;
      return {
        orgCode: r.code,
        orgName: r.display_name,
        reportId: r.id,
        status: r.status ?? 'NONE',
        runningTotal: has ? r.running_total : null,
        newSites: has ? r.new_sites : null,
        closedSites: has ? r.closed_sites : null,
        checkedCount: has ? r.checked_count : null,
        passedCount: has ? r.passed_count : null,
        samplingRatio: has ? percent(r.checked_count ?? 0, r.running_total ?? 0) : null,
        passRate: has ? percent(r.passed_count ?? 0, r.checked_count ?? 0) : null,
        late: r.late ?? false,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      };
    }),
    totals: {
      submitted: submitted.length,
      units: rows.length,
      runningTotal: running,
      newSites: sum('new_sites'),
      closedSites: sum('closed_sites'),
      checkedCount: checked,
      passedCount: sum('passed_count'),
      samplingRatio: percent(checked, running),
      passRate: percent(sum('passed_count'), checked),
    },
  };
}

// 每天 02:00 (Asia/Shanghai): the nightly link sweep (issue 10), under its own advisory lock and time budget.
import { LINK_SWEEP_BUDGET_MS, runLinkSweep } from '../server/modules/link-checks/run-sweep.ts';
import type { JobDefinition } from './job.ts';

/** The scheduler entry: every day at 02:00 Asia/Shanghai; no start-up catch-up (a missed night waits for the next). */
export const linkSweepJob: JobDefinition = {
  name: 'link-sweep',
  schedule: '0 0 2 * * *',
  run: async (ctx, _trigger, signal) => {
    const r = await runLinkSweep(ctx, { budgetMs: LINK_SWEEP_BUDGET_MS, ...(signal ? { signal } : {}) });
    return `sweep ${r.sweepId ?? '-'} (${r.night}) ${r.status}: ${r.sitesChecked} sites, ${r.urlsChecked} URLs, ${r.urlsFailed} failed, ${r.elapsedMs} ms`;
  },
};

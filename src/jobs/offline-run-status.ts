// 每天 00:00:30 (Asia/Shanghai): temporary and emergency offlines that end today are restored (「恢复正常」), approved
// temporary offlines that start today take effect; a run missed while down is caught up at start-up.
import { offlineTransitionsDue, runOfflineTransitions } from '../server/modules/offline/run-offline-transitions.ts';
import type { JobDefinition } from './job.ts';

export const offlineRunStatusJob: JobDefinition = {
  name: 'offline-run-status',
  // Thirty seconds past midnight, so the Asia/Shanghai date has surely turned on a slightly slow clock.
  schedule: '30 0 0 * * *',
  run: async (ctx) => {
    const r = await runOfflineTransitions(ctx);
    return `${r.today} ${r.status}: restored ${r.restored}, started ${r.started}, expired ${r.expired}`;
  },
  runAtStartup: offlineTransitionsDue,
};

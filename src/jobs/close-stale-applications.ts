// 每天 00:10 (Asia/Shanghai): new-site applications returned 90 days ago and not resubmitted are closed, their name
// and URL released (SPEC §16 item 2); a run missed while down is caught up at start-up.
import { closeStaleApplications, staleApplicationsDue } from '../server/modules/applications/close-stale.ts';
import type { JobDefinition } from './job.ts';

export const closeStaleApplicationsJob: JobDefinition = {
  name: 'close-stale-applications',
  schedule: '0 10 0 * * *',
  run: async (ctx) => `closed ${await closeStaleApplications(ctx)} applications returned 90 days ago`,
  runAtStartup: staleApplicationsDue,
};

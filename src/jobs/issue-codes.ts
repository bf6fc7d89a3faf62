// 每天 16:00 (Asia/Shanghai): the 网站标识码 batch (SPEC §7.1.4), every calendar day; a 16:00 missed while down is
// caught up at start-up. The batch itself is modules/issuance/issue-codes.ts (also run by `govsite issue-codes`).
import { needsCatchUp } from '../domain/issuance.ts';
import { issueCodes } from '../server/modules/issuance/issue-codes.ts';
import { lastSuccessfulCutoff } from '../server/modules/issuance/runs-repository.ts';
import type { JobDefinition } from './job.ts';

export const issueCodesJob: JobDefinition = {
  name: 'issue-codes',
  schedule: '0 0 16 * * *',
  run: async (ctx, trigger) => {
    const r = await issueCodes(ctx, { trigger });
    return `run ${r.runId} ${r.status}: issued ${r.issued}, skipped ${r.skipped}, errors ${r.errors.length}${r.message ? ` — ${r.message}` : ''}`;
  },
  runAtStartup: async (ctx) => needsCatchUp(await lastSuccessfulCutoff(ctx.db), ctx.clock.now()),
};

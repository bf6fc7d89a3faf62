// HTTP routes of the public side of 新增网站: duplicate check, submission, 临时码 progress query, and the
// applicant's own actions on a returned application (open, resubmit, withdraw).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicRoutes } from '../../guarded-route.ts';
import { checkDuplicatesForApplicant } from './check-duplicates.ts';
import { openApplication } from './open-application.ts';
import { queryProgress } from './query-progress.ts';
import { resubmitApplication } from './resubmit-application.ts';
import {
  checkDuplicatesBody,
  duplicateCheckResult,
  openResult,
  progressResult,
  resubmitBody,
  resubmitResult,
  siteInfoBody,
  submitResult,
  tempCodeBody,
  withdrawResult,
} from './schema.ts';
import { submitApplication } from './submit-application.ts';
import { withdrawApplication } from './withdraw-application.ts';

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const open = publicRoutes(app, ['新增网站']);

  open.post(
    '/api/public/applications/check-duplicates',
    { summary: '网站名称、首页网址查重', body: checkDuplicatesBody, response: duplicateCheckResult },
    (_, r) => checkDuplicatesForApplicant(app.ctx, r.body, r.ip),
  );
  open.post(
    '/api/public/applications',
    {
      summary: '提交新增网站申请（需 idempotency-key 请求头；返回临时码）',
      body: siteInfoBody,
      response: submitResult,
    },
    (_, r) => {
      const header = r.headers['idempotency-key'];
      return submitApplication(app.ctx, {
        info: r.body,
        idempotencyKey: typeof header === 'string' ? header : undefined,
        ip: r.ip,
      });
    },
  );
  open.post(
    '/api/public/progress',
    { summary: '用临时码查询申请进度', body: tempCodeBody, response: progressResult },
    (_, r) => queryProgress(app.ctx, r.body.tempCode, r.ip),
  );
  open.post(
    '/api/public/applications/open',
    { summary: '用临时码打开申请（退回后修改）', body: tempCodeBody, response: openResult },
    (_, r) => openApplication(app.ctx, r.body.tempCode, r.ip),
  );
  open.post(
    '/api/public/applications/resubmit',
    { summary: '修改并重新提交退回的申请', body: resubmitBody, response: resubmitResult },
    (_, r) => resubmitApplication(app.ctx, { tempCode: r.body.tempCode, info: r.body.info, ip: r.ip }),
  );
  open.post(
    '/api/public/applications/withdraw',
    { summary: '撤回申请', body: tempCodeBody, response: withdrawResult },
    (_, r) => withdrawApplication(app.ctx, r.body.tempCode, r.ip),
  );
};

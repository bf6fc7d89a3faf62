// HTTP routes of the public side of 新增网站: duplicate check, submission, 临时码 progress query, and the
// applicant's own actions on a returned application (open, resubmit, withdraw).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
  const tags = ['新增网站'];
  const config = { access: 'public' as const };

  app.post(
    '/api/public/applications/check-duplicates',
    {
      config,
      schema: {
        tags,
        summary: '网站名称、首页网址查重',
        body: checkDuplicatesBody,
        response: { 200: duplicateCheckResult },
      },
    },
    async (request) => checkDuplicatesForApplicant(app.ctx, request.body, request.ip),
  );

  app.post(
    '/api/public/applications',
    {
      config,
      schema: {
        tags,
        summary: '提交新增网站申请（需 idempotency-key 请求头；返回临时码）',
        body: siteInfoBody,
        response: { 200: submitResult },
      },
    },
    async (request) => {
      const header = request.headers['idempotency-key'];
      return submitApplication(app.ctx, {
        info: request.body,
        idempotencyKey: typeof header === 'string' ? header : undefined,
        ip: request.ip,
      });
    },
  );

  app.post(
    '/api/public/progress',
    {
      config,
      schema: { tags, summary: '用临时码查询申请进度', body: tempCodeBody, response: { 200: progressResult } },
    },
    async (request) => queryProgress(app.ctx, request.body.tempCode, request.ip),
  );

  app.post(
    '/api/public/applications/open',
    {
      config,
      schema: { tags, summary: '用临时码打开申请（退回后修改）', body: tempCodeBody, response: { 200: openResult } },
    },
    async (request) => openApplication(app.ctx, request.body.tempCode, request.ip),
  );

  app.post(
    '/api/public/applications/resubmit',
    {
      config,
      schema: { tags, summary: '修改并重新提交退回的申请', body: resubmitBody, response: { 200: resubmitResult } },
    },
    async (request) =>
      resubmitApplication(app.ctx, { tempCode: request.body.tempCode, info: request.body.info, ip: request.ip }),
  );

  app.post(
    '/api/public/applications/withdraw',
    {
      config,
      schema: { tags, summary: '撤回申请', body: tempCodeBody, response: { 200: withdrawResult } },
    },
    async (request) => withdrawApplication(app.ctx, request.body.tempCode, request.ip),
  );
};

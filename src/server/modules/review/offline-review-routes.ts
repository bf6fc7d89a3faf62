// HTTP routes of 下线审核 通过 / 驳回. They sit with review, whose core decides every request type; the offline module
// (list, attachment, 例外 / 删除 / 恢复) stays below review and imports none of it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approveBody, idParam, returnBody, transitionResult } from '../offline/schema.ts';
import { decisionInput } from './decision-input.ts';
import { reviewOffline } from './review-offline.ts';

export const offlineReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['下线审核'];
  const config = { access: 'org' as const };

  app.post(
    '/api/offline-requests/:id/approve',
    {
      config,
      schema: {
        tags,
        summary: '下线审核通过',
        params: idParam,
        body: approveBody,
        response: { 200: transitionResult },
      },
    },
    async (request) => reviewOffline(app.ctx, decisionInput(request, 'APPROVE')),
  );

  app.post(
    '/api/offline-requests/:id/return',
    {
      config,
      schema: {
        tags,
        summary: '下线审核驳回（须填写原因）',
        params: idParam,
        body: returnBody,
        response: { 200: transitionResult },
      },
    },
    async (request) => reviewOffline(app.ctx, decisionInput(request, 'RETURN')),
  );
};

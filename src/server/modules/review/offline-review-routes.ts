// HTTP routes of 下线审核 通过 / 驳回. They sit with review, whose core decides every request type; the offline module
// (list, attachment, 例外 / 删除 / 恢复) stays below review and imports none of it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgActor } from '../../guards.ts';
import { approveBody, idParam, returnBody, transitionResult } from '../offline/schema.ts';
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
    async (request) =>
      reviewOffline(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        action: 'APPROVE',
        expectedVersion: request.body.version,
        ip: request.ip,
      }),
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
    async (request) =>
      reviewOffline(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        action: 'RETURN',
        reason: request.body.reason,
        expectedVersion: request.body.version,
        ip: request.ip,
      }),
  );
};

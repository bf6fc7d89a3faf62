// HTTP routes of 下线审核 for the organizing units: the list and the attachment (通过 / 驳回: review/offline-review-routes.ts).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { contentDisposition } from '../../download.ts';
import { notFound } from '../../errors.ts';
import { orgActor } from '../../guards.ts';
import { requestAttachment } from './attachments-repository.ts';
import { listOfflineRequests } from './list-offline-requests.ts';
import { findVisibleOffline } from './list-repository.ts';
import { idParam, listQuery, offlinePage } from './schema.ts';

export const offlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['下线审核'];
  const config = { access: 'org' as const };

  app.get(
    '/api/offline-requests',
    {
      config,
      schema: { tags, summary: '下线审核列表', querystring: listQuery, response: { 200: offlinePage } },
    },
    async (request) => listOfflineRequests(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/offline-requests/:id/attachment',
    { config, schema: { tags, summary: '下载下线申请的附件', params: idParam } },
    async (request, reply) => {
      const actor = orgActor(request);
      const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
      if (!(await findVisibleOffline(app.ctx.db, viewer, request.params.id)))
        throw notFound(MESSAGES.offlineRequestNotFound);
      const file = await requestAttachment(app.ctx.db, request.params.id);
      if (!file) throw notFound(MESSAGES.attachmentNotFound);
      return reply
        .type(file.mimeType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );
};

// HTTP routes of 下线 for the organizing units: 下线审核 (list, 通过, 驳回, the attachment) and 例外 / 删除 / 恢复正常.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SiteStatusAction } from '../../../domain/site-status.ts';
import { contentDisposition } from '../../download.ts';
import { notFound } from '../../errors.ts';
import { orgActor } from '../../guards.ts';
import { requestAttachment } from './attachments-repository.ts';
import { changeSiteStatus, siteStatusActions } from './change-site-status.ts';
import { listOfflineRequests } from './list-offline-requests.ts';
import { findVisibleOffline } from './list-repository.ts';
import { idParam, listQuery, offlinePage, reasonBody, statusActionsView, statusChangeResult } from './schema.ts';

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
      if (!(await findVisibleOffline(app.ctx.db, viewer, request.params.id))) throw notFound('下线申请');
      const file = await requestAttachment(app.ctx.db, request.params.id);
      if (!file) throw notFound('附件');
      return reply
        .type(file.mimeType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );

  const statusTags = ['例外、删除、恢复'];
  app.get(
    '/api/sites/:id/status-actions',
    {
      config,
      schema: {
        tags: statusTags,
        summary: '本单位对该网站可执行的例外、删除、恢复操作',
        params: idParam,
        response: { 200: statusActionsView },
      },
    },
    async (request) => siteStatusActions(app.ctx, orgActor(request), request.params.id),
  );

  const routes: [string, SiteStatusAction, string][] = [
    ['exception', 'EXCEPTION', '设为例外网站（须填写原因）'],
    ['delete', 'DELETE', '删除网站（须填写原因，可恢复）'],
    ['restore', 'RESTORE', '恢复正常（须填写原因）'],
  ];
  for (const [path, action, summary] of routes) {
    app.post(
      `/api/sites/:id/${path}`,
      {
        config,
        schema: {
          tags: statusTags,
          summary,
          params: idParam,
          body: reasonBody,
          response: { 200: statusChangeResult },
        },
      },
      async (request) =>
        changeSiteStatus(app.ctx, {
          actor: orgActor(request),
          siteId: request.params.id,
          action,
          reason: request.body.reason,
          ip: request.ip,
        }),
    );
  }
};

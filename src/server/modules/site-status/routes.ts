// HTTP routes of 例外 / 删除 / 恢复正常 (SPEC §7.6): what the unit may do to a site of its subtree, and doing it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SiteStatusAction } from '../../../domain/site-status.ts';
import { orgActor } from '../../guards.ts';
import { idParam, reasonBody, statusActionsView, statusChangeResult } from '../offline/schema.ts';
import { changeSiteStatus, siteStatusActions } from './change-site-status.ts';

export const siteStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { access: 'org' as const };
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

// HTTP routes of the 填报单位's notices (decisions on its requests), shown on its home page.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteActor } from '../../guards.ts';
import { markReadBody, markReadResult, siteNoticeList, siteNoticesQuery } from './schema.ts';
import { listSiteNotices, markSiteNoticesRead } from './site-notices.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['消息提醒'];

  app.get(
    '/api/site/notices',
    {
      config: { access: 'site' },
      schema: {
        tags,
        summary: '本网站的审核结果提醒',
        querystring: siteNoticesQuery,
        response: { 200: siteNoticeList },
      },
    },
    async (request) => listSiteNotices(app.ctx, siteActor(request), request.query.limit),
  );

  app.post(
    '/api/site/notices/read',
    {
      config: { access: 'site' },
      schema: {
        tags,
        summary: '标记提醒为已读（不传 ids 时全部已读）',
        body: markReadBody,
        response: { 200: markReadResult },
      },
    },
    async (request) => markSiteNoticesRead(app.ctx, siteActor(request), request.body.ids),
  );
};

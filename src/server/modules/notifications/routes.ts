// HTTP routes of the 填报单位's notices (decisions on its requests), shown on its home page.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteRoutes } from '../../guarded-route.ts';
import { markReadBody, markReadResult, siteNoticeList, siteNoticesQuery } from './schema.ts';
import { listSiteNotices, markSiteNoticesRead } from './site-notices.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const site = siteRoutes(app, ['消息提醒']);

  site.get(
    '/api/site/notices',
    { summary: '本网站的审核结果提醒', querystring: siteNoticesQuery, response: siteNoticeList },
    (actor, r) => listSiteNotices(app.ctx, actor, r.query.limit),
  );
  site.post(
    '/api/site/notices/read',
    { summary: '标记提醒为已读（不传 ids 时全部已读）', body: markReadBody, response: markReadResult },
    (actor, r) => markSiteNoticesRead(app.ctx, actor, r.body.ids),
  );
};

// HTTP routes of 基本信息统计: site figures, workflow figures, data-quality alerts and the xlsx export of each table.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgRoutes } from '../../guarded-route.ts';
import { exportStatsTable } from './export-stats.ts';
import { computeAlerts } from './quality-alerts.ts';
import { computeRequestStats } from './request-stats.ts';
import { alertStats, exportQuery, requestStats, scopeQuery, siteStats } from './schema.ts';
import { computeSiteStats } from './site-stats.ts';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const org = orgRoutes(app, ['基本信息统计']);

  org.get(
    '/api/stats/sites',
    { summary: '网站数量统计（类别、状态、平台、级别、下级汇总）', querystring: scopeQuery, response: siteStats },
    (actor, r) => computeSiteStats(app.ctx, actor, r.query.org),
  );
  org.get(
    '/api/stats/requests',
    { summary: '待审核申请统计', querystring: scopeQuery, response: requestStats },
    (actor, r) => computeRequestStats(app.ctx, actor, r.query.org),
  );
  org.get('/api/stats/alerts', { summary: '数据质量提示', querystring: scopeQuery, response: alertStats }, (actor, r) =>
    computeAlerts(app.ctx, actor, r.query.org),
  );
  org.xlsx('/api/stats/export', { summary: '导出统计表（xlsx）', querystring: exportQuery }, (actor, r) =>
    exportStatsTable(app.ctx, actor, r.query.org, r.query.table),
  );
};

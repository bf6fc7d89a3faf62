// HTTP routes of 基本信息统计: site figures, workflow figures, data-quality alerts and the xlsx export of each table.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgActor } from '../../guards.ts';
import { sendXlsx } from '../../xlsx-table.ts';
import { exportStatsTable } from './export-stats.ts';
import { computeAlerts } from './quality-alerts.ts';
import { computeRequestStats } from './request-stats.ts';
import { alertStats, exportQuery, requestStats, scopeQuery, siteStats } from './schema.ts';
import { computeSiteStats } from './site-stats.ts';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['基本信息统计'];
  const config = { access: 'org' as const };

  app.get(
    '/api/stats/sites',
    {
      config,
      schema: {
        tags,
        summary: '网站数量统计（类别、状态、平台、级别、下级汇总）',
        querystring: scopeQuery,
        response: { 200: siteStats },
      },
    },
    async (request) => computeSiteStats(app.ctx, orgActor(request), request.query.org),
  );

  app.get(
    '/api/stats/requests',
    { config, schema: { tags, summary: '待审核申请统计', querystring: scopeQuery, response: { 200: requestStats } } },
    async (request) => computeRequestStats(app.ctx, orgActor(request), request.query.org),
  );

  app.get(
    '/api/stats/alerts',
    { config, schema: { tags, summary: '数据质量提示', querystring: scopeQuery, response: { 200: alertStats } } },
    async (request) => computeAlerts(app.ctx, orgActor(request), request.query.org),
  );

  app.get(
    '/api/stats/export',
    { config, schema: { tags, summary: '导出统计表（xlsx）', querystring: exportQuery } },
    async (request, reply) => {
      const file = await exportStatsTable(app.ctx, orgActor(request), request.query.org, request.query.table);
      return sendXlsx(reply, file.fileName, file.body);
    },
  );
};

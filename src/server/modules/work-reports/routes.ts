// HTTP routes of 工作年度报表: the 填报单位 fills, submits and fills back the published address; units of the tree
// list and view their subtree's reports and the site's 本级组织单位 decides; the root sets the window per year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { orgRoutes, siteRoutes } from '../../guarded-route.ts';
import { createLinkChecker, type LinkChecker } from '../link-checks/checker.ts';
import { exportReports } from './export-xlsx.ts';
import { loadWindow } from './present.ts';
import { exportProgress, loadProgress } from './progress.ts';
import { loadColumn } from './public-column.ts';
import { publishReport } from './publish-report.ts';
import { countWaiting } from './repository.ts';
import { approvePage, decideReport, listSubtreeReports, viewReport } from './review-report.ts';
import {
  approvePageBody,
  approvePageResult,
  columnList,
  columnParams,
  columnQuery,
  decideBody,
  idParam,
  listQuery,
  progressBoard,
  progressQuery,
  publishBody,
  reportList,
  reportView,
  returnBody,
  saveBody,
  waitingCount,
  windowBody,
  windowResponse,
  yearQuery,
} from './schema.ts';
import { loadSiteReport, saveDraft, submitReport } from './site-report.ts';
import { saveWindow } from './window-settings.ts';

export const workReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['工作年度报表'];
  const site = siteRoutes(app, tags);
  const org = orgRoutes(app, tags);
  // Made on first use, from the configuration then in force; one per app so its concurrency limits are shared.
  let checker: LinkChecker | null = null;
  const linkChecker = () => {
    checker ??= createLinkChecker(app.ctx.config.linkCheck);
    return checker;
  };

  site.get(
    '/api/site/work-report',
    { summary: '本网站某年度的工作年度报表（默认上一年度）', querystring: yearQuery, response: reportView },
    (actor, r) => loadSiteReport(app.ctx, actor, r.query.year),
  );
  site.post(
    '/api/site/work-report/draft',
    { summary: '保存工作年度报表草稿', body: saveBody, response: reportView },
    (actor, r) => saveDraft(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
  site.post(
    '/api/site/work-report/submit',
    { summary: '提交工作年度报表（本级组织单位审核）', body: saveBody, response: reportView },
    (actor, r) => submitReport(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
  site.post(
    '/api/site/work-report/publish',
    { summary: '回填工作年度报表的发布地址（检查能否访问）', body: publishBody, response: reportView },
    (actor, r) => publishReport(app.ctx, linkChecker(), { actor, input: r.body, ip: r.ip }),
  );

  org.get(
    '/api/work-reports',
    { summary: '本单位及下级网站的工作年度报表', querystring: listQuery, response: reportList },
    (actor, r) => listSubtreeReports(app.ctx, actor, r.query),
  );
  org.get(
    '/api/work-reports/waiting',
    { summary: '待本单位审核的工作年度报表数（菜单角标）', response: waitingCount },
    async (actor) => ({ count: await countWaiting(app.ctx.db, actor.orgCode) }),
  );
  org.xlsx(
    '/api/work-reports/export',
    {
      summary: '导出本单位及下级网站某年度的工作年度报表（xlsx，按模板列顺序）',
      querystring: yearQuery,
      exportSlot: true,
    },
    (actor, r) => exportReports(app.ctx, actor, r.query.year ?? reportYearAt(app.ctx.clock.now())),
  );
  org.get(
    '/api/work-reports/progress',
    {
      summary: '工作年度报表进度：本单位（或下级单位）各直属下级的填报率、审核率、发布率',
      querystring: progressQuery,
      response: progressBoard,
    },
    (actor, r) => loadProgress(app.ctx, actor, r.query),
  );
  org.xlsx(
    '/api/work-reports/progress/export',
    { summary: '导出工作年度报表进度（xlsx）', querystring: progressQuery, exportSlot: true },
    (actor, r) => exportProgress(app.ctx, actor, r.query),
  );

  app.get(
    '/api/public/work-reports/:orgCode',
    {
      config: { access: 'public' },
      schema: {
        tags: ['公开查询'],
        summary: '工作年度报表专栏：省级（部委）单位各网站某年度报表的发布情况',
        params: columnParams,
        querystring: columnQuery,
        response: { 200: columnList },
      },
    },
    async (request) => loadColumn(app.ctx, { orgCode: request.params.orgCode, ...request.query }),
  );

  org.get('/api/work-reports/:id', { summary: '查看工作年度报表', params: idParam, response: reportView }, (actor, r) =>
    viewReport(app.ctx, actor, r.params.id),
  );
  org.post(
    '/api/work-reports/:id/approve',
    { summary: '工作年度报表审核通过', params: idParam, body: decideBody, response: reportView },
    (actor, r) =>
      decideReport(app.ctx, { actor, id: r.params.id, version: r.body.version, action: 'APPROVE', ip: r.ip }),
  );
  org.post(
    '/api/work-reports/:id/return',
    { summary: '退回工作年度报表', params: idParam, body: returnBody, response: reportView },
    (actor, r) =>
      decideReport(app.ctx, {
        actor,
        id: r.params.id,
        version: r.body.version,
        action: 'RETURN',
        reason: r.body.reason,
        ip: r.ip,
      }),
  );
  org.post(
    '/api/work-reports/approve-page',
    { summary: '当页数据全部审核（通过本单位可审核的报表）', body: approvePageBody, response: approvePageResult },
    (actor, r) => approvePage(app.ctx, { actor, items: r.body.items, ip: r.ip }),
  );

  app.get(
    '/api/work-report-window',
    {
      config: { access: 'authenticated' as const },
      schema: { tags, summary: '某年度的填报和发布时间', querystring: yearQuery, response: { 200: windowResponse } },
    },
    async (request) => loadWindow(app.ctx.db, request.query.year ?? reportYearAt(app.ctx.clock.now())),
  );
  orgRoutes(app, tags, 'root').post(
    '/api/work-report-window',
    { summary: '设置某年度的填报和发布时间（国务院办公厅）', body: windowBody, response: windowResponse },
    (actor, r) => saveWindow(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
};

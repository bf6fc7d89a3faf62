// HTTP routes of 工作年度报表: the 填报单位 fills, submits and fills back the published address; units of the tree
// list and view their subtree's reports and the site's 本级组织单位 decides; the root sets the window per year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportYearAt } from '../../../domain/annual-report/work-report-window.ts';
import { contentDisposition, XLSX_TYPE } from '../../download.ts';
import { orgActor, siteActor } from '../../guards.ts';
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
  const site = { access: 'site' as const };
  const org = { access: 'org' as const };
  // Made on first use, from the configuration then in force; one per app so its concurrency limits are shared.
  let checker: LinkChecker | null = null;
  const linkChecker = () => {
    checker ??= createLinkChecker(app.ctx.config.linkCheck);
    return checker;
  };

  app.get(
    '/api/site/work-report',
    {
      config: site,
      schema: {
        tags,
        summary: '本网站某年度的工作年度报表（默认上一年度）',
        querystring: yearQuery,
        response: { 200: reportView },
      },
    },
    async (request) => loadSiteReport(app.ctx, siteActor(request), request.query.year),
  );

  app.post(
    '/api/site/work-report/draft',
    { config: site, schema: { tags, summary: '保存工作年度报表草稿', body: saveBody, response: { 200: reportView } } },
    async (request) => saveDraft(app.ctx, { actor: siteActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/site/work-report/submit',
    {
      config: site,
      schema: { tags, summary: '提交工作年度报表（本级组织单位审核）', body: saveBody, response: { 200: reportView } },
    },
    async (request) => submitReport(app.ctx, { actor: siteActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/site/work-report/publish',
    {
      config: site,
      schema: {
        tags,
        summary: '回填工作年度报表的发布地址（检查能否访问）',
        body: publishBody,
        response: { 200: reportView },
      },
    },
    async (request) =>
      publishReport(app.ctx, linkChecker(), { actor: siteActor(request), input: request.body, ip: request.ip }),
  );

  app.get(
    '/api/work-reports',
    {
      config: org,
      schema: {
        tags,
        summary: '本单位及下级网站的工作年度报表',
        querystring: listQuery,
        response: { 200: reportList },
      },
    },
    async (request) => listSubtreeReports(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/work-reports/waiting',
    {
      config: org,
      schema: { tags, summary: '待本单位审核的工作年度报表数（菜单角标）', response: { 200: waitingCount } },
    },
    async (request) => ({ count: await countWaiting(app.ctx.db, orgActor(request).orgCode) }),
  );

  app.get(
    '/api/work-reports/export',
    {
      config: { access: 'org', exportSlot: true },
      schema: {
        tags,
        summary: '导出本单位及下级网站某年度的工作年度报表（xlsx，按模板列顺序）',
        querystring: yearQuery,
      },
    },
    async (request, reply) => {
      const year = request.query.year ?? reportYearAt(app.ctx.clock.now());
      const file = await exportReports(app.ctx, orgActor(request), year);
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.body);
    },
  );

  app.get(
    '/api/work-reports/progress',
    {
      config: org,
      schema: {
        tags,
        summary: '工作年度报表进度：本单位（或下级单位）各直属下级的填报率、审核率、发布率',
        querystring: progressQuery,
        response: { 200: progressBoard },
      },
    },
    async (request) => loadProgress(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/work-reports/progress/export',
    {
      config: { access: 'org', exportSlot: true },
      schema: { tags, summary: '导出工作年度报表进度（xlsx）', querystring: progressQuery },
    },
    async (request, reply) => {
      const file = await exportProgress(app.ctx, orgActor(request), request.query);
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.body);
    },
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

  app.get(
    '/api/work-reports/:id',
    { config: org, schema: { tags, summary: '查看工作年度报表', params: idParam, response: { 200: reportView } } },
    async (request) => viewReport(app.ctx, orgActor(request), request.params.id),
  );

  app.post(
    '/api/work-reports/:id/approve',
    {
      config: org,
      schema: {
        tags,
        summary: '工作年度报表审核通过',
        params: idParam,
        body: decideBody,
        response: { 200: reportView },
      },
    },
    async (request) =>
      decideReport(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        action: 'APPROVE',
        ip: request.ip,
      }),
  );

  app.post(
    '/api/work-reports/:id/return',
    {
      config: org,
      schema: { tags, summary: '退回工作年度报表', params: idParam, body: returnBody, response: { 200: reportView } },
    },
    async (request) =>
      decideReport(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        action: 'RETURN',
        reason: request.body.reason,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/work-reports/approve-page',
    {
      config: org,
      schema: {
        tags,
        summary: '当页数据全部审核（通过本单位可审核的报表）',
        body: approvePageBody,
        response: { 200: approvePageResult },
      },
    },
    async (request) => approvePage(app.ctx, { actor: orgActor(request), items: request.body.items, ip: request.ip }),
  );

  app.get(
    '/api/work-report-window',
    {
      config: { access: 'authenticated' as const },
      schema: { tags, summary: '某年度的填报和发布时间', querystring: yearQuery, response: { 200: windowResponse } },
    },
    async (request) => loadWindow(app.ctx.db, request.query.year ?? reportYearAt(app.ctx.clock.now())),
  );

  app.post(
    '/api/work-report-window',
    {
      config: { access: 'root' as const },
      schema: {
        tags,
        summary: '设置某年度的填报和发布时间（国务院办公厅）',
        body: windowBody,
        response: { 200: windowResponse },
      },
    },
    async (request) => saveWindow(app.ctx, { actor: orgActor(request), input: request.body, ip: request.ip }),
  );
};

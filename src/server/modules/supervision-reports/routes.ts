// HTTP routes of 《政府网站监管年度报表》: a level-1 unit opens, fills in and submits its report of a year; the root
// lists the year's reports and approves or returns each. Level 2/3 units are refused (403); a report outside the
// caller's subtree answers 404.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgActor } from '../../guards.ts';
import { approveReport, returnReport } from './decide-report.ts';
import { listReports, loadReport, ownReport } from './load-report.ts';
import { openReport } from './open-report.ts';
import { refreshPrefill } from './refresh-prefill.ts';
import { saveDraft } from './save-draft.ts';
import {
  draftBody,
  idParam,
  mineView,
  openBody,
  reportList,
  reportView,
  returnBody,
  versionBody,
  yearQuery,
} from './schema.ts';
import { submitReport } from './submit-report.ts';

export const supervisionReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['监管年度报表'];
  const config = { access: 'org' as const };

  app.get(
    '/api/supervision-reports/mine',
    {
      config,
      schema: { tags, summary: '本单位某年度的监管年度报表', querystring: yearQuery, response: { 200: mineView } },
    },
    async (request) => ownReport(app.ctx, orgActor(request), request.query.year),
  );

  app.post(
    '/api/supervision-reports',
    {
      config,
      schema: { tags, summary: '创建或打开本单位某年度的监管年度报表', body: openBody, response: { 200: reportView } },
    },
    async (request) => openReport(app.ctx, { actor: orgActor(request), year: request.body.year, ip: request.ip }),
  );

  app.get(
    '/api/supervision-reports',
    {
      config,
      schema: {
        tags,
        summary: '某年度各单位的监管年度报表（国务院办公厅）',
        querystring: yearQuery,
        response: { 200: reportList },
      },
    },
    async (request) => listReports(app.ctx, orgActor(request), request.query.year),
  );

  app.get(
    '/api/supervision-reports/:id',
    { config, schema: { tags, summary: '查看监管年度报表', params: idParam, response: { 200: reportView } } },
    async (request) => loadReport(app.ctx, orgActor(request), request.params.id),
  );

  app.post(
    '/api/supervision-reports/:id/draft',
    {
      config,
      schema: { tags, summary: '保存监管年度报表', params: idParam, body: draftBody, response: { 200: reportView } },
    },
    async (request) =>
      saveDraft(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        data: request.body.data,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/supervision-reports/:id/refresh-prefill',
    {
      config,
      schema: { tags, summary: '更新预填数据', params: idParam, body: versionBody, response: { 200: reportView } },
    },
    async (request) =>
      refreshPrefill(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/supervision-reports/:id/submit',
    {
      config,
      schema: { tags, summary: '提交监管年度报表', params: idParam, body: versionBody, response: { 200: reportView } },
    },
    async (request) =>
      submitReport(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/supervision-reports/:id/approve',
    {
      config,
      schema: {
        tags,
        summary: '通过监管年度报表（国务院办公厅）',
        params: idParam,
        body: versionBody,
        response: { 200: reportView },
      },
    },
    async (request) =>
      approveReport(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/supervision-reports/:id/return',
    {
      config,
      schema: {
        tags,
        summary: '退回监管年度报表（国务院办公厅）',
        params: idParam,
        body: returnBody,
        response: { 200: reportView },
      },
    },
    async (request) =>
      returnReport(app.ctx, {
        actor: orgActor(request),
        id: request.params.id,
        version: request.body.version,
        reason: request.body.reason,
        ip: request.ip,
      }),
  );
};

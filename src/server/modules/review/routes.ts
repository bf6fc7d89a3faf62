// HTTP routes of the organizing unit's workspace: the site list, 审核 / 退回, the bulk actions, 查看 and exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, XLSX_TYPE } from '../../download.ts';
import { fastSerializerCompiler } from '../../fast-serializer.ts';
import { orgActor } from '../../guards.ts';
import { bulkApprove, bulkSubmit } from './bulk-review.ts';
import { reviewRequest } from './decide-request.ts';
import { decisionInput } from './decision-input.ts';
import { exportAll } from './export-all.ts';
import { exportPage } from './export-page.ts';
import { listSites } from './list-sites.ts';
import {
  approveBody,
  auditTrail,
  bulkBody,
  bulkResult,
  exportAllQuery,
  idParam,
  listSitesQuery,
  returnBody,
  siteDetail,
  sitePage,
  transitionResult,
} from './schema.ts';
import { siteAuditTrail, viewSite } from './view-site.ts';

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政府网站基本信息表'];

  app.get(
    '/api/sites',
    {
      config: { access: 'org' },
      schema: { tags, summary: '本单位及下级的网站和申请', querystring: listSitesQuery, response: { 200: sitePage } },
      // The hottest read: written by fast-json-stringify from the same schema instead of a zod parse of every page.
      serializerCompiler: fastSerializerCompiler,
    },
    async (request) => listSites(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/sites/export',
    { config: { access: 'org' }, schema: { tags, summary: '导出当页数据（xlsx）', querystring: listSitesQuery } },
    async (request, reply) => {
      const file = await exportPage(app.ctx, orgActor(request), request.query, request.ip);
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(file.fileName)).send(file.body);
    },
  );

  app.get(
    '/api/sites/export-all',
    {
      config: { access: 'org', exportSlot: true },
      schema: { tags, summary: '导出全部筛选结果（xlsx）', querystring: exportAllQuery },
    },
    async (request, reply) => {
      const file = await exportAll(app.ctx, orgActor(request), request.query, request.ip, (error) =>
        request.log.error({ err: error }, 'export-all failed while streaming'),
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-export-total', String(file.total))
        .header('x-export-truncated', String(file.truncated))
        .send(file.stream);
    },
  );

  app.get(
    '/api/sites/:id',
    {
      config: { access: 'org' },
      schema: { tags, summary: '查看网站基本信息', params: idParam, response: { 200: siteDetail } },
    },
    async (request) => viewSite(app.ctx, orgActor(request), request.params.id),
  );

  app.get(
    '/api/sites/:id/audit',
    {
      config: { access: 'org' },
      schema: { tags, summary: '审核流水', params: idParam, response: { 200: auditTrail } },
    },
    async (request) => siteAuditTrail(app.ctx, orgActor(request), request.params.id),
  );

  app.post(
    '/api/requests/:id/approve',
    {
      config: { access: 'org' },
      schema: { tags, summary: '审核通过', params: idParam, body: approveBody, response: { 200: transitionResult } },
    },
    async (request) => reviewRequest(app.ctx, decisionInput(request, 'APPROVE')),
  );

  app.post(
    '/api/requests/:id/return',
    {
      config: { access: 'org' },
      schema: {
        tags,
        summary: '退回（须填写原因）',
        params: idParam,
        body: returnBody,
        response: { 200: transitionResult },
      },
    },
    async (request) => reviewRequest(app.ctx, decisionInput(request, 'RETURN')),
  );

  app.post(
    '/api/requests/bulk-approve',
    {
      config: { access: 'org' },
      schema: { tags, summary: '当页数据全部审核', body: bulkBody, response: { 200: bulkResult } },
    },
    async (request) => bulkApprove(app.ctx, orgActor(request), request.body.ids, request.ip),
  );

  app.post(
    '/api/requests/bulk-submit',
    {
      config: { access: 'org' },
      schema: { tags, summary: '当页数据全部提交', body: bulkBody, response: { 200: bulkResult } },
    },
    async (request) => bulkSubmit(app.ctx, orgActor(request), request.body.ids, request.ip),
  );
};

// HTTP routes of the 填报单位 workspace (SPEC §7.2–§7.5, §8.2), the reviewer's change-set view and the root's
// 栏目 dictionary.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgActor, siteActor } from '../../guards.ts';
import { viewChangeSet } from './change-set-view.ts';
import { listColumnCategories, saveColumnCategories } from './column-categories.ts';
import { openModificationForm } from './modification-form.ts';
import { requestDomains } from './request-domains.ts';
import { requestFlagChange } from './request-flag.ts';
import { saveModificationDraft } from './save-draft.ts';
import {
  categoriesBody,
  categoriesView,
  changeSetView,
  domainsBody,
  filedRequest,
  idParam,
  modificationBody,
  modificationForm,
  portalBody,
  saveResult,
  serviceBody,
  siteHome,
  versionBody,
} from './schema.ts';
import { siteHome as loadSiteHome } from './site-home.ts';
import { submitModification } from './submit-modification.ts';
import { withdrawRequest } from './withdraw-request.ts';

export const siteWorkspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['填报单位'];
  const site = { access: 'site' as const };

  app.get(
    '/api/site/home',
    {
      config: site,
      schema: {
        tags,
        summary: '填报单位首页：登记信息、修改审核状态、审核单位、审核流水、可用操作',
        response: { 200: siteHome },
      },
    },
    async (request) => loadSiteHome(app.ctx, siteActor(request)),
  );

  app.get(
    '/api/site/modification',
    {
      config: site,
      schema: {
        tags,
        summary: '基本信息修改：表单内容（草稿、退回的修改或当前登记信息）',
        response: { 200: modificationForm },
      },
    },
    async (request) => openModificationForm(app.ctx, siteActor(request)),
  );

  app.put(
    '/api/site/modification/draft',
    {
      config: site,
      schema: { tags, summary: '基本信息修改：保存草稿', body: modificationBody, response: { 200: saveResult } },
    },
    async (request) => saveModificationDraft(app.ctx, { actor: siteActor(request), input: request.body }),
  );

  app.post(
    '/api/site/modification/submit',
    {
      config: site,
      schema: { tags, summary: '基本信息修改：提交审核', body: modificationBody, response: { 200: saveResult } },
    },
    async (request) => submitModification(app.ctx, { actor: siteActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/site/portal',
    {
      config: site,
      schema: { tags, summary: '申请门户网站 / 申请取消门户网站', body: portalBody, response: { 200: filedRequest } },
    },
    async (request) =>
      requestFlagChange(app.ctx, {
        actor: siteActor(request),
        input: { flag: 'portal', value: request.body.isPortal },
        ip: request.ip,
      }),
  );

  app.post(
    '/api/site/service-platform',
    {
      config: site,
      schema: {
        tags,
        summary: '申请政务服务平台 / 申请取消政务服务平台',
        body: serviceBody,
        response: { 200: filedRequest },
      },
    },
    async (request) =>
      requestFlagChange(app.ctx, {
        actor: siteActor(request),
        input: { flag: 'servicePlatform', value: request.body.isServicePlatform },
        ip: request.ip,
      }),
  );

  app.post(
    '/api/site/domains',
    {
      config: site,
      schema: {
        tags,
        summary: '维护/添加其他域名（提交完整的域名列表）',
        body: domainsBody,
        response: { 200: filedRequest },
      },
    },
    async (request) =>
      requestDomains(app.ctx, { actor: siteActor(request), hosts: request.body.hosts, ip: request.ip }),
  );

  app.post(
    '/api/site/requests/:id/withdraw',
    {
      config: site,
      schema: { tags, summary: '撤回申请', params: idParam, body: versionBody, response: { 200: filedRequest } },
    },
    async (request) =>
      withdrawRequest(app.ctx, {
        actor: siteActor(request),
        id: request.params.id,
        expectedVersion: request.body.version,
        ip: request.ip,
      }),
  );

  app.get(
    '/api/requests/:id/change-set',
    {
      config: { access: 'org' },
      schema: {
        tags: ['政府网站基本信息表'],
        summary: '修改内容对比（当前登记 / 申请修改为）',
        params: idParam,
        response: { 200: changeSetView },
      },
    },
    async (request) => viewChangeSet(app.ctx, orgActor(request), request.params.id),
  );

  app.get(
    '/api/column-categories',
    {
      config: { access: 'root' },
      schema: { tags: ['栏目类别'], summary: '栏目类别字典', response: { 200: categoriesView } },
    },
    async () => listColumnCategories(app.ctx),
  );

  app.put(
    '/api/column-categories',
    {
      config: { access: 'root' },
      schema: {
        tags: ['栏目类别'],
        summary: '保存栏目类别字典（新增、改名、排序、停用）',
        body: categoriesBody,
        response: { 200: categoriesView },
      },
    },
    async (request) => saveColumnCategories(app.ctx, { actor: orgActor(request), input: request.body, ip: request.ip }),
  );
};

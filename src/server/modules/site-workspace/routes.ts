// HTTP routes of the 填报单位 workspace (SPEC §7.2–§7.5, §8.2), the reviewer's change-set view and the root's
// 栏目 dictionary.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgRoutes, siteRoutes } from '../../guarded-route.ts';
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
  const site = siteRoutes(app, ['填报单位']);

  site.get(
    '/api/site/home',
    { summary: '填报单位首页：登记信息、修改审核状态、审核单位、审核流水、可用操作', response: siteHome },
    (actor) => loadSiteHome(app.ctx, actor),
  );
  site.get(
    '/api/site/modification',
    { summary: '基本信息修改：表单内容（草稿、退回的修改或当前登记信息）', response: modificationForm },
    (actor) => openModificationForm(app.ctx, actor),
  );
  site.put(
    '/api/site/modification/draft',
    { summary: '基本信息修改：保存草稿', body: modificationBody, response: saveResult },
    (actor, r) => saveModificationDraft(app.ctx, { actor, input: r.body }),
  );
  site.post(
    '/api/site/modification/submit',
    { summary: '基本信息修改：提交审核', body: modificationBody, response: saveResult },
    (actor, r) => submitModification(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
  site.post(
    '/api/site/portal',
    { summary: '申请门户网站 / 申请取消门户网站', body: portalBody, response: filedRequest },
    (actor, r) => requestFlagChange(app.ctx, { actor, input: { flag: 'portal', value: r.body.isPortal }, ip: r.ip }),
  );
  site.post(
    '/api/site/service-platform',
    { summary: '申请政务服务平台 / 申请取消政务服务平台', body: serviceBody, response: filedRequest },
    (actor, r) =>
      requestFlagChange(app.ctx, {
        actor,
        input: { flag: 'servicePlatform', value: r.body.isServicePlatform },
        ip: r.ip,
      }),
  );
  site.post(
    '/api/site/domains',
    { summary: '维护/添加其他域名（提交完整的域名列表）', body: domainsBody, response: filedRequest },
    (actor, r) => requestDomains(app.ctx, { actor, hosts: r.body.hosts, ip: r.ip }),
  );
  site.post(
    '/api/site/requests/:id/withdraw',
    { summary: '撤回申请', params: idParam, body: versionBody, response: filedRequest },
    (actor, r) => withdrawRequest(app.ctx, { actor, id: r.params.id, expectedVersion: r.body.version, ip: r.ip }),
  );

  orgRoutes(app, ['政府网站基本信息表']).get(
    '/api/requests/:id/change-set',
    { summary: '修改内容对比（当前登记 / 申请修改为）', params: idParam, response: changeSetView },
    (actor, r) => viewChangeSet(app.ctx, actor, r.params.id),
  );

  const root = orgRoutes(app, ['栏目类别'], 'root');
  root.get('/api/column-categories', { summary: '栏目类别字典', response: categoriesView }, () =>
    listColumnCategories(app.ctx),
  );
  root.put(
    '/api/column-categories',
    { summary: '保存栏目类别字典（新增、改名、排序、停用）', body: categoriesBody, response: categoriesView },
    (actor, r) => saveColumnCategories(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
};

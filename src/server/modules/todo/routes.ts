// HTTP routes of 待办: the to-do list and its badge count, 已办, 下级超期, the digest setting, and overdue statistics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgActor } from '../../guards.ts';
import { listDonePage } from './list-done.ts';
import { inboxBadge, listInbox, listOverdueBelowPage } from './list-inbox.ts';
import { computeOverdueStats } from './overdue-stats.ts';
import {
  donePage,
  inboxCount,
  inboxPage,
  inboxSettings,
  inboxSettingsBody,
  overdueBelowQuery,
  overdueStats,
  overdueStatsQuery,
  pageQuery,
} from './schema.ts';
import { readInboxSettings, saveInboxSettings } from './settings.ts';

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['待办'];
  const config = { access: 'org' as const };

  app.get(
    '/api/inbox',
    {
      config,
      schema: { tags, summary: '待办：等待本单位处理的申请', querystring: pageQuery, response: { 200: inboxPage } },
    },
    async (request) => listInbox(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/inbox/count',
    { config, schema: { tags, summary: '待办数量（页眉角标）', response: { 200: inboxCount } } },
    async (request) => inboxBadge(app.ctx, orgActor(request)),
  );

  app.get(
    '/api/inbox/done',
    {
      config,
      schema: { tags, summary: '已办：本单位处理过的申请', querystring: pageQuery, response: { 200: donePage } },
    },
    async (request) => listDonePage(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/inbox/overdue-below',
    {
      config,
      schema: {
        tags,
        summary: '下级超期：下级组织单位超过两倍办理时限仍未办理的申请',
        querystring: overdueBelowQuery,
        response: { 200: inboxPage },
      },
    },
    async (request) => listOverdueBelowPage(app.ctx, orgActor(request), request.query),
  );

  app.get(
    '/api/inbox/settings',
    { config, schema: { tags, summary: '每日待办汇总设置', response: { 200: inboxSettings } } },
    async (request) => readInboxSettings(app.ctx, orgActor(request)),
  );

  app.post(
    '/api/inbox/settings',
    {
      config,
      schema: { tags, summary: '保存每日待办汇总设置', body: inboxSettingsBody, response: { 200: inboxSettings } },
    },
    async (request) => saveInboxSettings(app.ctx, orgActor(request), request.body),
  );

  app.get(
    '/api/stats/overdue',
    {
      config,
      schema: {
        tags: ['基本信息统计'],
        summary: '逾期审核统计（按下级汇总）',
        querystring: overdueStatsQuery,
        response: { 200: overdueStats },
      },
    },
    async (request) => computeOverdueStats(app.ctx, orgActor(request), request.query.org),
  );
};

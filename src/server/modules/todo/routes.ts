// HTTP routes of 待办: the to-do list and its badge count, 已办, 下级超期, the digest setting, and overdue statistics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgRoutes } from '../../guarded-route.ts';
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
  const org = orgRoutes(app, ['待办']);

  org.get(
    '/api/inbox',
    { summary: '待办：等待本单位处理的申请', querystring: pageQuery, response: inboxPage },
    (actor, r) => listInbox(app.ctx, actor, r.query),
  );
  org.get('/api/inbox/count', { summary: '待办数量（页眉角标）', response: inboxCount }, (actor) =>
    inboxBadge(app.ctx, actor),
  );
  org.get(
    '/api/inbox/done',
    { summary: '已办：本单位处理过的申请', querystring: pageQuery, response: donePage },
    (actor, r) => listDonePage(app.ctx, actor, r.query),
  );
  org.get(
    '/api/inbox/overdue-below',
    {
      summary: '下级超期：下级组织单位超过两倍办理时限仍未办理的申请',
      querystring: overdueBelowQuery,
      response: inboxPage,
    },
    (actor, r) => listOverdueBelowPage(app.ctx, actor, r.query),
  );
  org.get('/api/inbox/settings', { summary: '每日待办汇总设置', response: inboxSettings }, (actor) =>
    readInboxSettings(app.ctx, actor),
  );
  org.post(
    '/api/inbox/settings',
    { summary: '保存每日待办汇总设置', body: inboxSettingsBody, response: inboxSettings },
    (actor, r) => saveInboxSettings(app.ctx, actor, r.body),
  );

  orgRoutes(app, ['基本信息统计']).get(
    '/api/stats/overdue',
    { summary: '逾期审核统计（按下级汇总）', querystring: overdueStatsQuery, response: overdueStats },
    (actor, r) => computeOverdueStats(app.ctx, actor, r.query.org),
  );
};

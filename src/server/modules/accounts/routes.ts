// HTTP routes for admins: accounts in the admin's subtree and their login log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgRoutes } from '../../guarded-route.ts';
import { createAccount, resetAccountPassword, setAccountEnabled } from './manage-accounts.ts';
import { listAccounts, listLoginLog } from './repository.ts';
import {
  accountPage,
  createAccountBody,
  enabledBody,
  idParam,
  initialPasswordBody,
  listAccountsQuery,
  loginLogPage,
  loginLogQuery,
} from './schema.ts';

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = orgRoutes(app, ['账号管理'], 'orgAdmin');

  admin.get(
    '/api/accounts',
    { summary: '本单位及下级的账号', querystring: listAccountsQuery, response: accountPage },
    (actor, { query }) => listAccounts(app.ctx.db, actor.orgPath, query.q, query.page, query.pageSize),
  );
  admin.post(
    '/api/accounts',
    {
      summary: '新建账号（返回一次性初始密码）',
      body: createAccountBody,
      response: z.object({ id: z.number().int(), initialPassword: z.string() }),
    },
    (actor, r) => createAccount(app.ctx, actor, r.body, r.ip),
  );
  admin.post(
    '/api/accounts/:id/enabled',
    { summary: '启用或停用账号', params: idParam, body: enabledBody, response: z.object({ ok: z.literal(true) }) },
    async (actor, r) => {
      await setAccountEnabled(app.ctx, actor, r.params.id, r.body.enabled, r.ip);
      return { ok: true as const };
    },
  );
  admin.post(
    '/api/accounts/:id/reset-password',
    { summary: '重置密码（返回一次性初始密码）', params: idParam, response: initialPasswordBody },
    (actor, r) => resetAccountPassword(app.ctx, actor, r.params.id, r.ip),
  );
  admin.get(
    '/api/login-log',
    { summary: '登录日志', querystring: loginLogQuery, response: loginLogPage },
    (actor, { query }) => listLoginLog(app.ctx.db, actor.orgPath, query.page, query.pageSize),
  );
};

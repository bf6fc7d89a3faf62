// HTTP routes for admins: accounts in the admin's subtree and their login log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgActor } from '../../guards.ts';
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
  const tags = ['账号管理'];
  app.get(
    '/api/accounts',
    {
      config: { access: 'orgAdmin' },
      schema: { tags, summary: '本单位及下级的账号', querystring: listAccountsQuery, response: { 200: accountPage } },
    },
    async (request) => {
      const { q, page, pageSize } = request.query;
      return listAccounts(app.ctx.db, orgActor(request).orgPath, q, page, pageSize);
    },
  );

  app.post(
    '/api/accounts',
    {
      config: { access: 'orgAdmin' },
      schema: {
        tags,
        summary: '新建账号（返回一次性初始密码）',
        body: createAccountBody,
        response: { 200: z.object({ id: z.number().int(), initialPassword: z.string() }) },
      },
    },
    async (request) => createAccount(app.ctx, orgActor(request), request.body, request.ip),
  );

  app.post(
    '/api/accounts/:id/enabled',
    {
      config: { access: 'orgAdmin' },
      schema: {
        tags,
        summary: '启用或停用账号',
        params: idParam,
        body: enabledBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await setAccountEnabled(app.ctx, orgActor(request), request.params.id, request.body.enabled, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      config: { access: 'orgAdmin' },
      schema: {
        tags,
        summary: '重置密码（返回一次性初始密码）',
        params: idParam,
        response: { 200: initialPasswordBody },
      },
    },
    async (request) => resetAccountPassword(app.ctx, orgActor(request), request.params.id, request.ip),
  );

  app.get(
    '/api/login-log',
    {
      config: { access: 'orgAdmin' },
      schema: { tags, summary: '登录日志', querystring: loginLogQuery, response: { 200: loginLogPage } },
    },
    async (request) => listLoginLog(app.ctx.db, orgActor(request).orgPath, request.query.page, request.query.pageSize),
  );
};

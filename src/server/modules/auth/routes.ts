// HTTP routes for the session: who am I, 组织单位 login, logout, change password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { menuFor } from '../../../domain/menu.ts';
import { orgActor } from '../../guards.ts';
import { endSession, ensureAnonymousCsrf } from '../../plugins/session.ts';
import { changePassword } from './change-password.ts';
import { loginOrgUser } from './login-org-user.ts';
import { changePasswordBody, okBody, orgLoginBody, sessionInfo } from './schema.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { tags: ['会话'], summary: '当前会话与 CSRF 令牌', response: { 200: sessionInfo } },
    },
    async (request, reply) => {
      const actor = request.actor;
      const csrfToken = request.csrfToken ?? ensureAnonymousCsrf(app.ctx, request, reply);
      if (actor.kind === 'ORG_USER') {
        const { orgPath: _path, ...rest } = actor;
        return { csrfToken, actor: { ...rest, menu: menuFor(actor.orgLevel, actor.role) } };
      }
      return { csrfToken, actor };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['会话'],
        summary: '组织单位账号登录',
        body: orgLoginBody,
        response: { 200: z.object({ csrfToken: z.string(), mustChangePassword: z.boolean() }) },
      },
    },
    async (request, reply) => loginOrgUser(app.ctx, request, reply, request.body),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', allowPasswordChangePending: true },
      schema: { tags: ['会话'], summary: '退出登录', response: { 200: okBody } },
    },
    async (request, reply) => {
      await endSession(app.ctx, request, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'org', allowPasswordChangePending: true },
      schema: { tags: ['会话'], summary: '修改密码', body: changePasswordBody, response: { 200: okBody } },
    },
    async (request) => {
      await changePassword(app.ctx, orgActor(request), request.sessionDigest, request.body, request.ip);
      return { ok: true as const };
    },
  );
};

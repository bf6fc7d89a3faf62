// HTTP routes of the 填报单位 account: login with 网站标识码 + 校验码, and its own record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteActor } from '../../guards.ts';
import { loginSite } from './login-site.ts';
import { getSiteRecord } from './site-record.ts';
import { siteLoginBody, siteLoginResult, siteRecord } from './site-schema.ts';

export const siteAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/site-login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['会话'],
        summary: '填报单位登录（网站标识码 + 校验码）',
        body: siteLoginBody,
        response: { 200: siteLoginResult },
      },
    },
    async (request, reply) => loginSite(app.ctx, request, reply, request.body),
  );

  app.get(
    '/api/site/me',
    {
      config: { access: 'site' },
      schema: { tags: ['填报单位'], summary: '本网站基本情况', response: { 200: siteRecord } },
    },
    async (request) => getSiteRecord(app.ctx, siteActor(request)),
  );
};

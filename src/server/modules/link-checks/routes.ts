// HTTP routes of link checks: the at-entry reachability check of a typed URL, and a site's link health.

import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { AppError } from '../../errors.ts';
import { createLinkChecker } from './checker.ts';
import { linkCheckBody, linkCheckResult, linkHealthView, siteIdParam } from './schema.ts';
import { siteLinkHealth } from './site-link-health.ts';

/** Per client IP; the public forms debounce their checks, so this only stops abuse of the server as a prober. */
export const LINK_CHECK_RATE = { max: 30, timeWindow: 60_000 };

export const linkCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  // One checker per app: its concurrency limits are shared by every request to this instance.
  const checker = createLinkChecker(app.ctx.config.linkCheck);

  // In-memory store, scoped to this plugin (global: false): each instance counts its own clients.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', MESSAGES.linkCheckTooFrequent),
  });

  app.post(
    '/api/link-check',
    {
      config: { access: 'public', rateLimit: LINK_CHECK_RATE },
      schema: {
        tags: ['网址检查'],
        summary: '检查网址能否访问（填写首页网址、栏目地址时提示，不阻止提交）',
        body: linkCheckBody,
        response: { 200: linkCheckResult },
      },
    },
    async (request) => {
      const { result } = await checker.check(request.body.url, { kind: request.body.kind });
      return result;
    },
  );

  app.get(
    '/api/sites/:id/link-health',
    {
      // An org user within the site's subtree, or the site's own 填报单位; anyone else gets 404.
      config: { access: 'authenticated' },
      schema: {
        tags: ['网址检查'],
        summary: '网站首页、其他域名与栏目地址的最近检查结果及页面底部标识核对',
        params: siteIdParam,
        response: { 200: linkHealthView },
      },
    },
    async (request) => siteLinkHealth(app.ctx.db, request.actor, request.params.id),
  );
};

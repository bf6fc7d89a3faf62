// Builds the Fastify app: plugins first, then one plugin per feature module, then the web UI.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MESSAGES } from '../domain/messages/index.ts';
import type { AppContext } from './context.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { noticeRoutes } from './modules/announcements/routes.ts';
import { applicationRoutes } from './modules/applications/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { siteAuthRoutes } from './modules/auth/site-routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { issuanceRoutes } from './modules/issuance/routes.ts';
import { linkCheckRoutes } from './modules/link-checks/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { siteReadOnlyGuard } from './modules/offline/read-only-guard.ts';
import { offlineRoutes } from './modules/offline/routes.ts';
import { offlineSiteRoutes } from './modules/offline/site-routes.ts';
import { orgTreeRoutes } from './modules/org-tree/routes.ts';
import { orgQueryRoutes } from './modules/org-units/query-routes.ts';
import { orgUnitRoutes } from './modules/org-units/routes.ts';
import { offlineReviewRoutes } from './modules/review/offline-review-routes.ts';
import { reviewRoutes } from './modules/review/routes.ts';
import { siteImportRoutes } from './modules/site-import/routes.ts';
import { siteStatusRoutes } from './modules/site-status/routes.ts';
import { siteWorkspaceRoutes } from './modules/site-workspace/routes.ts';
import { spotCheckRoutes } from './modules/spot-checks/routes.ts';
import { statsRoutes } from './modules/stats/routes.ts';
import { supervisionReportRoutes } from './modules/supervision-reports/routes.ts';
import { inboxRoutes } from './modules/todo/routes.ts';
import { workReportRoutes } from './modules/work-reports/routes.ts';
import { apiDocsPlugin } from './plugins/api-docs.ts';
import { clientErrorHandler, errorPlugin, frameworkErrorBody } from './plugins/errors.ts';
import { exportSlotsPlugin } from './plugins/export-slots.ts';
import { sessionPlugin } from './plugins/session.ts';
import { wellFormedInputPlugin } from './plugins/well-formed-input.ts';

z.config(z.locales.zhCN());

/**
 * Whether a request target names the API, however it is spelled (percent-escapes, any case, absolute form, repeated
 * or dot segments). Only used where no route matched, to answer a JSON 404 instead of the web UI's index page;
 * access itself is decided by the matched route's config (plugins/session.ts).
 */
export function isApiPath(target: string): boolean {
  let path: string;
  try {
    // WHATWG URL parsing takes the absolute form's path and resolves dot segments, escaped ones included.
    path = new URL(target.replace(/\\/g, '/').replace(/^\/{2,}/, '/'), 'http://localhost').pathname;
  } catch {
    return false;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: judge the text as it is.
  }
  const first = path.split('/').find((segment) => segment !== '');
  return first?.toLowerCase() === 'api' || first?.toLowerCase().startsWith('api;') === true;
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
// The factories' declared types are for JSON schemas; the zod compilers take the routes' zod schemas.
const ZOD_COMPILERS = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as CompilersFactory;

export interface BuildOptions {
  logger?: boolean | FastifyBaseLogger | Record<string, unknown>;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A hop count trusts that many proxies nearest the server (proxy-addr's rule), a list only those addresses.
    trustProxy:
      typeof ctx.config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(ctx.config.trustProxy)
        : ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler,
    // Every route validates and serializes with zod: without these factories Fastify would also load ajv and
    // fast-json-stringify at start-up for its default compilers, ~0.5 s that nothing uses.
    schemaController: { compilersFactory: ZOD_COMPILERS },
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = frameworkErrorBody(error);
      // The option's reply is generic over route schemas; this answer has none.
      return (reply as unknown as FastifyReply).status(status).send(body);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);

  await app.register(helmet, {
    // HSTS only makes sense behind TLS; it is added per request below.
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.routeOptions.config.access !== undefined || isApiPath(request.url)) {
      reply.header('cache-control', 'no-store');
    }
  });
  await app.register(cookie);
  await app.register(errorPlugin);
  await app.register(wellFormedInputPlugin);
  await app.register(swagger, {
    openapi: {
      info: { title: 'GovSite Registry 政府网站信息报送系统 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gs_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(apiDocsPlugin);
  await app.register(sessionPlugin);
  // After 完成下线 the 填报单位 account is read-only, on every module's routes.
  await app.register(siteReadOnlyGuard);
  await app.register(exportSlotsPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(orgUnitRoutes);
  await app.register(accountRoutes);
  await app.register(applicationRoutes);
  await app.register(reviewRoutes);
  await app.register(siteAuthRoutes);
  await app.register(issuanceRoutes);
  await app.register(noticeRoutes);
  await app.register(orgTreeRoutes);
  await app.register(orgQueryRoutes);
  await app.register(statsRoutes);
  await app.register(spotCheckRoutes);
  await app.register(supervisionReportRoutes);
  await app.register(siteImportRoutes);
  await app.register(linkCheckRoutes);
  await app.register(offlineRoutes);
  await app.register(offlineReviewRoutes);
  await app.register(siteStatusRoutes);
  await app.register(offlineSiteRoutes);
  await app.register(siteWorkspaceRoutes);
  await app.register(inboxRoutes);
  await app.register(notificationRoutes);
  await app.register(workReportRoutes);

  const webDir = ctx.config.webDir;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    // The hashed bundles under /assets/ through one wildcard route (a route per file cost ~0.1 s of start-up to
    // compile ~100 routes); index.html is the not-found handler's answer below.
    await app.register(fastifyStatic, {
      root: join(webDir, 'assets'),
      prefix: '/assets/',
      wildcard: true,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web UI's page only for a GET of an ordinary path: an API path in any spelling, "*" or a form the router
    // could not place answers a JSON 404.
    if (request.method !== 'GET' || !request.url.startsWith('/') || isApiPath(request.url)) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: MESSAGES.routeNotFound });
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('前端尚未构建：请运行 npm run build（或 npm start）。');
    }
    // Client-side routes: the SPA decides, including its own 404 page.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
  });
  return app;
}

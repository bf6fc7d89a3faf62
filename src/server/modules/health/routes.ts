// Health check: answers 200 only when the database answers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../../db/database.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['运维'],
        summary: '健康检查',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.string() }),
          503: z.object({ status: z.literal('error'), database: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ping(app.ctx.db);
        return { status: 'ok' as const, database: app.ctx.dbKind };
      } catch {
        return reply.status(503).send({ status: 'error' as const, database: app.ctx.dbKind });
      }
    },
  );
};

// HTTP routes of 组织单位信息查询: the visible units (own subtree, ancestors, level-1 units) and their xlsx export.
// GET /api/org-units (org-units module) stays the subtree-only list other pages use.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgActor } from '../../guards.ts';
import { sendXlsx } from '../../xlsx-table.ts';
import { exportOrgUnits } from './export-org-units.ts';
import { queryVisibleUnits } from './query-repository.ts';
import { orgQueryFilters, orgQueryPage, orgQueryQuery } from './query-schema.ts';
import { toView } from './repository.ts';

export const orgQueryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['组织单位信息查询'];
  const config = { access: 'org' as const };

  app.get(
    '/api/org-query',
    {
      config,
      schema: { tags, summary: '可见组织单位及联系人', querystring: orgQueryQuery, response: { 200: orgQueryPage } },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const { items, total } = await queryVisibleUnits(app.ctx.db, orgActor(request), filters, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        items: items.map((o) => ({ ...toView(o), relation: o.relation, parentName: o.parent_name })),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/org-query/export',
    {
      config: { ...config, exportSlot: true },
      schema: { tags, summary: '导出组织单位信息（xlsx）', querystring: orgQueryFilters },
    },
    async (request, reply) => {
      const file = await exportOrgUnits(app.ctx, {
        actor: orgActor(request),
        filters: request.query,
        ip: request.ip,
        onError: (error) => request.log.error({ err: error }, 'org-query export failed while streaming'),
      });
      return sendXlsx(reply, file.fileName, file.stream);
    },
  );
};

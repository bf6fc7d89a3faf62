// HTTP routes for org units: the caller's subtree, one unit, and the public code lookup.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { notFound } from '../../errors.ts';
import { fastSerializerCompiler } from '../../fast-serializer.ts';
import { orgActor } from '../../guards.ts';
import { lookupOrgCode } from './lookup-org-code.ts';
import { findOrgUnitInSubtree, listOrgUnits, toView } from './repository.ts';
import { codeParam, listOrgUnitsQuery, orgLookup, orgUnit, orgUnitPage } from './schema.ts';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/org-units',
    {
      config: { access: 'org' },
      schema: {
        tags: ['组织单位'],
        summary: '本单位及下级组织单位列表',
        querystring: listOrgUnitsQuery,
        response: { 200: orgUnitPage },
      },
      // The root's whole tree pages by 100 units: written by fast-json-stringify from the same schema (as GET /api/sites).
      serializerCompiler: fastSerializerCompiler,
    },
    async (request) => {
      const actor = orgActor(request);
      const result = await listOrgUnits(app.ctx.db, { ...request.query, rootPath: actor.orgPath });
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/org-units/:code',
    {
      config: { access: 'org' },
      schema: { tags: ['组织单位'], summary: '组织单位详情', params: codeParam, response: { 200: orgUnit } },
    },
    async (request) => {
      const actor = orgActor(request);
      const row = await findOrgUnitInSubtree(app.ctx.db, request.params.code, actor.orgPath);
      if (!row) throw notFound(MESSAGES.orgUnitNotFound);
      return toView(row);
    },
  );

  app.get(
    '/api/public/org-lookup/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['公开'],
        summary: '按网站组织单位标识码查询省/市/县',
        params: codeParam,
        response: { 200: orgLookup },
      },
    },
    async (request) => lookupOrgCode(app.ctx.db, request.params.code),
  );
};

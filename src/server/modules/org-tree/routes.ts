// HTTP routes of 挂接关系维护 (root only): the tree, create, edit, preview/apply of move/disable/enable, history.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { notFound } from '../../errors.ts';
import { orgActor } from '../../guards.ts';
import { findOrgUnit } from '../org-units/repository.ts';
import { changeOrgTree } from './change-tree.ts';
import { createUnit } from './create-unit.ts';
import { editUnit } from './edit-unit.ts';
import { listChildren, orgHistory, searchUnits } from './repository.ts';
import {
  childrenQuery,
  childrenResponse,
  codeParam,
  createUnitBody,
  historyPage,
  historyQuery,
  searchQuery,
  searchResponse,
  treeActionBody,
  treeChangePlan,
  unitDetailsBody,
  unitView,
} from './schema.ts';

export const orgTreeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['挂接关系维护'];
  const config = { access: 'root' as const };

  app.get(
    '/api/org-tree/children',
    {
      config,
      schema: { tags, summary: '下级组织单位', querystring: childrenQuery, response: { 200: childrenResponse } },
    },
    async (request) => {
      const rows = await listChildren(app.ctx.db, request.query.parent);
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          displayName: r.display_name,
          level: r.level,
          branch: r.branch,
          enabled: r.enabled,
          parentCode: r.parent_code,
          childCount: r.child_count,
          siteCount: r.site_count,
        })),
      };
    },
  );

  app.get(
    '/api/org-tree/search',
    { config, schema: { tags, summary: '查找组织单位', querystring: searchQuery, response: { 200: searchResponse } } },
    async (request) => {
      const rows = await searchUnits(app.ctx.db, request.query.q);
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          displayName: r.display_name,
          level: r.level,
          enabled: r.enabled,
          pathCodes: r.path.split('/').filter(Boolean),
        })),
      };
    },
  );

  app.get(
    '/api/org-tree/units/:code',
    { config, schema: { tags, summary: '组织单位详情', params: codeParam, response: { 200: unitView } } },
    async (request) => {
      const row = await findOrgUnit(app.ctx.db, request.params.code);
      if (!row) throw notFound(MESSAGES.orgUnitNotFound);
      return {
        code: row.code,
        name: row.name,
        displayName: row.display_name,
        level: row.level,
        branch: row.branch,
        parentCode: row.parent_code,
        enabled: row.enabled,
        principal: row.principal,
        contacts: row.contacts ?? [],
        path: row.path,
      };
    },
  );

  app.post(
    '/api/org-tree/units',
    {
      config,
      schema: {
        tags,
        summary: '新建组织单位',
        body: createUnitBody,
        response: { 200: z.object({ code: z.string() }) },
      },
    },
    async (request) => createUnit(app.ctx, { actor: orgActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/org-tree/units/:code/edit',
    {
      config,
      schema: {
        tags,
        summary: '修改组织单位名称和联系人',
        params: codeParam,
        body: unitDetailsBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) =>
      editUnit(app.ctx, { actor: orgActor(request), code: request.params.code, input: request.body, ip: request.ip }),
  );

  for (const mode of ['preview', 'apply'] as const) {
    app.post(
      `/api/org-tree/units/:code/${mode}`,
      {
        config,
        schema: {
          tags,
          summary: mode === 'preview' ? '预览迁移/停用/启用的影响（不作修改）' : '执行迁移/停用/启用并调整审核流程',
          params: codeParam,
          body: treeActionBody,
          response: { 200: treeChangePlan },
        },
      },
      async (request) =>
        changeOrgTree(app.ctx, {
          actor: orgActor(request),
          code: request.params.code,
          action: request.body,
          preview: mode === 'preview',
          ip: request.ip,
        }),
    );
  }

  app.get(
    '/api/org-tree/history',
    {
      config,
      schema: { tags, summary: '挂接关系变更记录', querystring: historyQuery, response: { 200: historyPage } },
    },
    async (request) => {
      const { items, total } = await orgHistory(app.ctx.db, request.query);
      return {
        items: items.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actorName: r.actor_name,
          action: r.action,
          code: r.entity_id,
          comment: r.comment,
          data: r.data,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
};

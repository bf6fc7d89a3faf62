// HTTP routes of 挂接关系维护 (root only): the tree, create, edit, preview/apply of move/disable/enable, history.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { notFound } from '../../errors.ts';
import { orgRoutes } from '../../guarded-route.ts';
import { findOrgUnit, toView } from '../org-units/repository.ts';
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
  const root = orgRoutes(app, ['挂接关系维护'], 'root');

  root.get(
    '/api/org-tree/children',
    { summary: '下级组织单位', querystring: childrenQuery, response: childrenResponse },
    async (_, r) => {
      const rows = await listChildren(app.ctx.db, r.query.parent);
      return {
        items: rows.map((row) => ({
          code: row.code,
          name: row.name,
          displayName: row.display_name,
          level: row.level,
          branch: row.branch,
          enabled: row.enabled,
          parentCode: row.parent_code,
          childCount: row.child_count,
          siteCount: row.site_count,
        })),
      };
    },
  );
  root.get(
    '/api/org-tree/search',
    { summary: '查找组织单位', querystring: searchQuery, response: searchResponse },
    async (_, r) => {
      const rows = await searchUnits(app.ctx.db, r.query.q);
      return {
        items: rows.map((row) => ({
          code: row.code,
          name: row.name,
          displayName: row.display_name,
          level: row.level,
          enabled: row.enabled,
          pathCodes: row.path.split('/').filter(Boolean),
        })),
      };
    },
  );
  root.get(
    '/api/org-tree/units/:code',
    { summary: '组织单位详情', params: codeParam, response: unitView },
    async (_, r) => {
      const row = await findOrgUnit(app.ctx.db, r.params.code);
      if (!row) throw notFound(MESSAGES.orgUnitNotFound);
      return { ...toView(row), path: row.path };
    },
  );
  root.post(
    '/api/org-tree/units',
    { summary: '新建组织单位', body: createUnitBody, response: z.object({ code: z.string() }) },
    (actor, r) => createUnit(app.ctx, { actor, input: r.body, ip: r.ip }),
  );
  root.post(
    '/api/org-tree/units/:code/edit',
    {
      summary: '修改组织单位名称和联系人',
      params: codeParam,
      body: unitDetailsBody,
      response: z.object({ ok: z.literal(true) }),
    },
    (actor, r) => editUnit(app.ctx, { actor, code: r.params.code, input: r.body, ip: r.ip }),
  );
  for (const mode of ['preview', 'apply'] as const) {
    root.post(
      `/api/org-tree/units/:code/${mode}`,
      {
        summary: mode === 'preview' ? '预览迁移/停用/启用的影响（不作修改）' : '执行迁移/停用/启用并调整审核流程',
        params: codeParam,
        body: treeActionBody,
        response: treeChangePlan,
      },
      (actor, r) =>
        changeOrgTree(app.ctx, { actor, code: r.params.code, action: r.body, preview: mode === 'preview', ip: r.ip }),
    );
  }
  root.get(
    '/api/org-tree/history',
    { summary: '挂接关系变更记录', querystring: historyQuery, response: historyPage },
    async (_, { query }) => {
      const { items, total } = await orgHistory(app.ctx.db, query);
      return {
        items: items.map((row) => ({
          id: row.id,
          at: new Date(row.at).toISOString(),
          actorName: row.actor_name,
          action: row.action,
          code: row.entity_id,
          comment: row.comment,
          data: row.data,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  );
};

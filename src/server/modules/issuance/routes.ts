// HTTP routes of issuance: the batch ledger, preview and manual run (root), 重置校验码 (本级组织单位), and the
// public verification page's data and QR code.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import { AppError } from '../../errors.ts';
import { orgActor } from '../../guards.ts';
import { issueCodes } from './issue-codes.ts';
import { presentPreview, presentRun, presentRunResult } from './present.ts';
import { resetCheckCode } from './reset-check-code.ts';
import { listRuns } from './runs-repository.ts';
import {
  issuancePreview,
  listRunsQuery,
  resetCheckCodeResult,
  runPage,
  runResult,
  siteCodeParam,
  siteIdParam,
  verifiedSite,
} from './schema.ts';
import { qrSvg, verifyPageUrl, verifySite } from './verify-site.ts';

export const issuanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/issuance/runs',
    {
      config: { access: 'root' },
      schema: {
        tags: ['标识码生成'],
        summary: '标识码生成记录',
        querystring: listRunsQuery,
        response: { 200: runPage },
      },
    },
    async (request) => {
      const { rows, total } = await listRuns(app.ctx.db, request.query);
      return { items: rows.map(presentRun), total };
    },
  );

  app.post(
    '/api/issuance/preview',
    {
      config: { access: 'root' },
      schema: {
        tags: ['标识码生成'],
        summary: '预览：现在运行将为哪些申请生成标识码（不写入）',
        response: { 200: issuancePreview },
      },
    },
    async (request) => {
      const actor = orgActor(request);
      const result = await issueCodes(app.ctx, {
        trigger: 'MANUAL',
        dryRun: true,
        triggeredBy: `${actor.displayName}（${actor.username}）`,
      });
      if (!result.preview) throw new AppError('INTERNAL', MESSAGES.issuancePreviewMissing);
      return presentPreview({ ...result.preview, items: result.preview.items.slice(0, 500) });
    },
  );

  app.post(
    '/api/issuance/run',
    {
      config: { access: 'root' },
      schema: { tags: ['标识码生成'], summary: '立即生成标识码（手动运行）', response: { 200: runResult } },
    },
    async (request) => {
      const actor = orgActor(request);
      const result = await issueCodes(app.ctx, {
        trigger: 'MANUAL',
        triggeredBy: `${actor.displayName}（${actor.username}）`,
      });
      await writeAudit(
        app.ctx.db,
        app.ctx.clock.now(),
        actor,
        {
          kind: 'ISSUANCE_RUN_STARTED',
          entityType: 'ISSUANCE_RUN',
          entityId: String(result.runId),
          data: { status: result.status, issued: result.issued, errors: result.errors.length },
        },
        request.ip,
      );
      if (result.status === 'SKIPPED') {
        throw new AppError('CONFLICT', MESSAGES.issuanceRunning);
      }
      return presentRunResult(result);
    },
  );

  app.post(
    '/api/sites/:id/reset-check-code',
    {
      config: { access: 'org' },
      schema: {
        tags: ['标识码生成'],
        summary: '重置校验码（本级组织单位；新校验码只显示这一次）',
        params: siteIdParam,
        response: { 200: resetCheckCodeResult },
      },
    },
    async (request) => resetCheckCode(app.ctx, { actor: orgActor(request), siteId: request.params.id, ip: request.ip }),
  );

  app.get(
    '/api/public/verify/:siteCode',
    {
      config: { access: 'public' },
      schema: {
        tags: ['公开查询'],
        summary: '网站标识码核验',
        params: siteCodeParam,
        response: { 200: verifiedSite },
      },
    },
    async (request) => verifySite(app.ctx.db, request.params.siteCode),
  );

  app.get(
    '/api/public/verify/:siteCode/qr.svg',
    {
      config: { access: 'public' },
      schema: {
        tags: ['公开查询'],
        summary: '核验页面二维码（SVG）',
        params: siteCodeParam,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const site = await verifySite(app.ctx.db, request.params.siteCode);
      // The configured public origin, never the request's Host header (which anyone can set).
      const svg = await qrSvg(verifyPageUrl(app.ctx.config.publicUrl, site.siteCode));
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
};

// HTTP routes of 批量导入网站 (issue 20), for the root (whole tree) and level-1 units (their subtree):
// 预检 (JSON and the downloadable report), 确认导入, and the register export in the import's columns.

import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { stripControlChars } from '../../../domain/text.ts';
import { writeAudit } from '../../audit.ts';
import type { OrgActor } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { orgActor } from '../../guards.ts';
import { sendXlsx } from '../../xlsx-table.ts';
import { MAX_ATTACHMENT_BYTES } from '../announcements/upload-attachment.ts';
import type { ImportPlan, ImportScope } from './plan-import.ts';
import { fileDigest, previewImport, runImport } from './run-import.ts';
import { commitResult, type PlanView, planView } from './schema.ts';
import { buildPlanReport, buildRegisterExport } from './xlsx.ts';

/** Root and level-1 administrators only: a level-1 unit imports into its own subtree. */
export function importScope(actor: OrgActor): ImportScope {
  if (actor.orgLevel > 1) throw forbidden(MESSAGES.siteImportUsers);
  return { orgCode: actor.orgCode, orgName: actor.orgName, orgPath: actor.orgPath };
}

export function presentPlan(plan: ImportPlan, fileName: string, sha256: string): PlanView {
  return {
    fileName,
    sha256,
    format: plan.format,
    encoding: plan.encoding,
    ok: plan.ok,
    counts: plan.counts,
    fileErrors: plan.fileErrors,
    notices: plan.notices,
    rows: plan.rows.map((r) => ({
      rowNumber: r.rowNumber,
      siteCode: r.record?.siteCode ?? r.siteCode,
      name: r.name,
      action: r.action,
      changes: r.changes,
      errors: r.errors,
      warnings: r.warnings,
    })),
  };
}

export const siteImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['批量导入网站'];
  const config = { access: 'orgAdmin' as const };
  // Scoped to this plugin, with the attachment limits of the rest of the system (one file, ≤ 10 MB).
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 } });

  async function upload(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
    if (!request.isMultipart()) throw invalid(MESSAGES.siteImportNotMultipart);
    const file = await request.file();
    if (!file) throw invalid(MESSAGES.siteImportFileMissing);
    try {
      const content = await file.toBuffer();
      const fileName =
        stripControlChars(file.filename.split(/[\\/]/).pop() ?? '')
          .trim()
          .slice(-200) || '未命名文件';
      return { fileName, content };
    } catch (error) {
      if (error instanceof app.multipartErrors.RequestFileTooLargeError) throw invalid(MESSAGES.siteImportTooLarge);
      throw error;
    }
  }

  app.post(
    '/api/site-import/preview',
    {
      config,
      schema: {
        tags,
        summary: '预检导入文件（multipart，字段 file，xlsx 或 csv，≤10 MB）',
        response: { 200: planView },
      },
    },
    async (request) => {
      const scope = importScope(orgActor(request));
      const { fileName, content } = await upload(request);
      const plan = await previewImport(app.ctx, { scope, fileName, content });
      return presentPlan(plan, fileName, fileDigest(content));
    },
  );

  app.post(
    '/api/site-import/report',
    { config, schema: { tags, summary: '下载预检报告（xlsx，错误标在各行旁）' } },
    async (request, reply) => {
      const actor = orgActor(request);
      const scope = importScope(actor);
      const { fileName, content } = await upload(request);
      const plan = await previewImport(app.ctx, { scope, fileName, content });
      const file = await buildPlanReport(plan, actor.orgCode, app.ctx.clock.now());
      return sendXlsx(reply, file.fileName, file.body);
    },
  );

  app.post(
    '/api/site-import/commit',
    {
      config,
      schema: {
        tags,
        summary: '确认导入（全部成功或全部不导入）；返回一次性的校验码发放表',
        response: { 200: commitResult },
      },
    },
    async (request) => {
      const actor = orgActor(request);
      const scope = importScope(actor);
      const { fileName, content } = await upload(request);
      const result = await runImport(app.ctx, {
        scope,
        importer: { kind: 'ORG', actor },
        fileName,
        content,
        ip: request.ip,
      });
      return {
        fileName,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        checkCodeSheet: result.checkCodeSheet
          ? { fileName: result.checkCodeSheet.fileName, base64: result.checkCodeSheet.body.toString('base64') }
          : null,
      };
    },
  );

  app.get(
    '/api/site-import/export',
    { config, schema: { tags, summary: '导出本单位管辖范围的网站登记信息（可直接再导入的列）' } },
    async (request, reply) => {
      const actor = orgActor(request);
      const scope = importScope(actor);
      const now = app.ctx.clock.now();
      const file = await buildRegisterExport(app.ctx.db, scope, now);
      await writeAudit(
        app.ctx.db,
        now,
        actor,
        {
          kind: 'REGISTER_EXPORTED',
          entityType: 'EXPORT',
          entityId: actor.orgCode,
          data: { scope: 'register', rows: file.rows },
        },
        request.ip,
      );
      return sendXlsx(reply, file.fileName, file.body);
    },
  );
};

// HTTP routes of 下线 for the 填报单位: its offline page, 下线申请 (with the closure document), 完成下线, 恢复上线.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { contentDisposition } from '../../download.ts';
import { notFound } from '../../errors.ts';
import { siteActor } from '../../guards.ts';
import { readUploadedFile } from '../../upload.ts';
import { applyOffline } from './apply-offline.ts';
import { siteAttachment } from './attachments-repository.ts';
import { completeOffline } from './complete-offline.ts';
import { operatorView } from './operator-view.ts';
import { findSiteByCode } from './repository.ts';
import { restoreOnline } from './restore-online.ts';
import {
  applyBody,
  applyResult,
  attachmentView,
  completeBody,
  idParam,
  operatorView as operatorViewSchema,
  siteStatusResult,
} from './schema.ts';
import { MAX_OFFLINE_ATTACHMENT_BYTES, uploadOfflineAttachment } from './upload-attachment.ts';

export const offlineSiteRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['填报单位：下线'];
  const config = { access: 'site' as const };
  // Scoped to this plugin: only the attachment upload accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: MAX_OFFLINE_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3 },
  });

  app.get(
    '/api/site/offline',
    {
      config,
      schema: { tags, summary: '下线：运行状态、可执行操作、限制与申请记录', response: { 200: operatorViewSchema } },
    },
    async (request) => operatorView(app.ctx, siteActor(request)),
  );

  app.post(
    '/api/site/offline/attachments',
    {
      config,
      schema: {
        tags,
        summary: '上传下线申请附件（multipart，字段 file，≤10 MB，pdf/jpg/png/doc/docx）',
        response: { 200: attachmentView },
      },
    },
    async (request) => {
      const actor = siteActor(request);
      return uploadOfflineAttachment(app.ctx, { actor, ...(await readUploadedFile(request)) });
    },
  );

  app.get(
    '/api/site/offline/attachments/:id',
    { config, schema: { tags, summary: '下载本网站上传的下线申请附件', params: idParam } },
    async (request, reply) => {
      const site = await findSiteByCode(app.ctx.db, siteActor(request).siteCode);
      const file = site ? await siteAttachment(app.ctx.db, site.id, request.params.id) : null;
      if (!file) throw notFound(MESSAGES.attachmentNotFound);
      return reply
        .type(file.mimeType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );

  app.post(
    '/api/site/offline/requests',
    { config, schema: { tags, summary: '下线申请', body: applyBody, response: { 200: applyResult } } },
    async (request) => applyOffline(app.ctx, { actor: siteActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/site/offline/complete',
    { config, schema: { tags, summary: '完成下线', body: completeBody, response: { 200: siteStatusResult } } },
    async (request) => completeOffline(app.ctx, { actor: siteActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/site/offline/restore',
    {
      config,
      schema: { tags, summary: '恢复上线（提前结束临时下线或紧急下线）', response: { 200: siteStatusResult } },
    },
    async (request) => restoreOnline(app.ctx, { actor: siteActor(request), ip: request.ip }),
  );
};

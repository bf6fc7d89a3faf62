// HTTP routes of 重要通知: list (pinned first), unread count, detail (records the read), publish with attachments,
// pin/withdraw and the read receipts.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { contentDisposition } from '../../download.ts';
import { notFound } from '../../errors.ts';
import { orgActor } from '../../guards.ts';
import { readUploadedFile } from '../../upload.ts';
import { manageNotice } from './manage-notice.ts';
import { noticeReceipts } from './notice-receipts.ts';
import { canManageNotice, openNotice } from './open-notice.ts';
import { canPublish, publishNotice } from './publish-notice.ts';
import { attachmentContent, findVisible, listVisible, unreadCount } from './repository.ts';
import {
  attachmentParam,
  attachmentView,
  idParam,
  manageBody,
  noticeDetail,
  noticeListQuery,
  noticePage,
  publishBody,
  receiptsPage,
  receiptsQuery,
  unreadCountResponse,
} from './schema.ts';
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from './upload-attachment.ts';

export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['重要通知'];
  const config = { access: 'org' as const };
  // Scoped to this plugin: only the attachment upload accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 } });

  app.get(
    '/api/notices',
    {
      config,
      schema: {
        tags,
        summary: '重要通知列表（置顶在前）',
        querystring: noticeListQuery,
        response: { 200: noticePage },
      },
    },
    async (request) => {
      const actor = orgActor(request);
      const { items, total } = await listVisible(app.ctx.db, actor, request.query);
      return {
        items: items.map((n) => ({
          id: n.id,
          title: n.title,
          publisherOrg: n.publisher_org,
          publisherOrgName: n.publisher_org_name,
          publisherName: n.publisher_name,
          audience: n.audience,
          pinned: n.pinned,
          publishedAt: new Date(n.published_at).toISOString(),
          canManage: canManageNotice(actor, n.publisher_org),
          read: n.read,
          attachmentCount: n.attachment_count,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        canPublish: canPublish(actor),
      };
    },
  );

  app.get(
    '/api/notices/unread-count',
    { config, schema: { tags, summary: '未读通知数', response: { 200: unreadCountResponse } } },
    async (request) => ({ count: await unreadCount(app.ctx.db, orgActor(request)) }),
  );

  app.get(
    '/api/notices/:id',
    { config, schema: { tags, summary: '通知详情（记录阅读）', params: idParam, response: { 200: noticeDetail } } },
    async (request) => openNotice(app.ctx, orgActor(request), request.params.id),
  );

  app.get(
    '/api/notices/:id/attachments/:attachmentId',
    { config, schema: { tags, summary: '下载通知附件', params: attachmentParam } },
    async (request, reply) => {
      const actor = orgActor(request);
      if (!(await findVisible(app.ctx.db, actor, request.params.id))) throw notFound(MESSAGES.noticeNotFound);
      const file = await attachmentContent(app.ctx.db, request.params.id, request.params.attachmentId);
      if (!file) throw notFound(MESSAGES.attachmentNotFound);
      return reply
        .type(file.mime_type)
        .header('content-disposition', contentDisposition(file.file_name))
        .send(Buffer.from(file.content));
    },
  );

  app.post(
    '/api/notices',
    {
      config,
      schema: { tags, summary: '发布重要通知', body: publishBody, response: { 200: z.object({ id: z.number() }) } },
    },
    async (request) => publishNotice(app.ctx, { actor: orgActor(request), input: request.body, ip: request.ip }),
  );

  app.post(
    '/api/notices/attachments',
    {
      config,
      schema: { tags, summary: '上传通知附件（multipart，字段 file，≤10 MB）', response: { 200: attachmentView } },
    },
    async (request) => {
      const actor = orgActor(request);
      return uploadAttachment(app.ctx, { actor, ...(await readUploadedFile(request)) });
    },
  );

  app.post(
    '/api/notices/:id/manage',
    {
      config,
      schema: {
        tags,
        summary: '置顶、取消置顶或撤回通知',
        params: idParam,
        body: manageBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) =>
      manageNotice(app.ctx, { actor: orgActor(request), id: request.params.id, input: request.body, ip: request.ip }),
  );

  app.get(
    '/api/notices/:id/receipts',
    {
      config,
      schema: {
        tags,
        summary: '阅读回执（已读/未读单位）',
        params: idParam,
        querystring: receiptsQuery,
        response: { 200: receiptsPage },
      },
    },
    async (request) => noticeReceipts(app.ctx, orgActor(request), request.params.id, request.query),
  );
};

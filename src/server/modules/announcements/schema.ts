// Request and response schemas of 重要通知.
import { z } from 'zod';
import { pageQuery } from '../org-units/schema.ts';

export const noticeListQuery = z.object({ q: z.string().trim().max(50).optional(), ...pageQuery });

const noticeBase = z.object({
  id: z.number().int(),
  title: z.string(),
  publisherOrg: z.string(),
  publisherOrgName: z.string(),
  publisherName: z.string(),
  audience: z.enum(['ALL', 'SUBTREE']),
  pinned: z.boolean(),
  publishedAt: z.string(),
  /** May the caller pin/unpin, withdraw and see the read receipts (the publisher's unit, or the root). */
  canManage: z.boolean(),
});

export const noticeListItem = noticeBase.extend({ read: z.boolean(), attachmentCount: z.number().int() });

export const noticePage = z.object({
  items: z.array(noticeListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether the caller's unit may publish (root and level-1 units). */
  canPublish: z.boolean(),
});

export const attachmentView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const noticeDetail = noticeBase.extend({ bodyHtml: z.string(), attachments: z.array(attachmentView) });

export const publishBody = z.object({
  title: z.string().trim().min(1, '请填写通知标题').max(200, '标题不超过 200 字'),
  bodyHtml: z.string().max(200_000, '正文过长'),
  audience: z.enum(['ALL', 'SUBTREE']).optional(),
  pinned: z.boolean().default(false),
  attachmentIds: z.array(z.number().int().positive()).max(10, '附件最多 10 个').default([]),
});

export const manageBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('PIN') }),
  z.object({ action: z.literal('UNPIN') }),
  z.object({ action: z.literal('WITHDRAW') }),
]);

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const attachmentParam = idParam.extend({ attachmentId: z.coerce.number().int().positive() });

export const receiptsQuery = z.object({
  status: z.enum(['read', 'unread']).default('unread'),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});

export const receiptsPage = z.object({
  audienceUnits: z.number().int(),
  readUnits: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      displayName: z.string(),
      level: z.number().int(),
      firstReadAt: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const unreadCountResponse = z.object({ count: z.number().int() });

// Calls of 重要通知: list, unread count, detail (records the read), publish, attachments, manage, receipts.
import type { z } from 'zod';
import type {
  attachmentView,
  noticeDetail,
  noticePage,
  publishBody,
  receiptsPage,
} from '../../../server/modules/notices/schema.ts';
import { api, queryClient } from '../../request.ts';

export type NoticePage = z.infer<typeof noticePage>;
export type NoticeItem = NoticePage['items'][number];
export type NoticeDetail = z.infer<typeof noticeDetail>;
export type Attachment = z.infer<typeof attachmentView>;
export type PublishInput = z.input<typeof publishBody>;
export type ReceiptsPage = z.infer<typeof receiptsPage>;

export const noticesKey = ['notices'] as const;
export const unreadKey = ['notices', 'unread-count'] as const;

export const listNotices = (query: { q?: string; page: number; pageSize: number }) =>
  api.get<NoticePage>('/api/notices', query);
export const unreadCount = () => api.get<{ count: number }>('/api/notices/unread-count');
export const getNotice = (id: number) => api.get<NoticeDetail>(`/api/notices/${id}`);
export const publishNotice = (input: PublishInput) => api.post<{ id: number }>('/api/notices', input);
export const manageNotice = (id: number, action: 'PIN' | 'UNPIN' | 'WITHDRAW') =>
  api.post<{ ok: true }>(`/api/notices/${id}/manage`, { action });
export const getReceipts = (
  id: number,
  query: { status: 'read' | 'unread'; q?: string; page: number; pageSize: number },
) => api.get<ReceiptsPage>(`/api/notices/${id}/receipts`, query);

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<Attachment>('/api/notices/attachments', form);
}

export const attachmentUrl = (noticeId: number, attachmentId: number) =>
  `/api/notices/${noticeId}/attachments/${attachmentId}`;

/** After reading, publishing or managing: the list and the badge are stale. */
export function refreshNotices(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: noticesKey });
}

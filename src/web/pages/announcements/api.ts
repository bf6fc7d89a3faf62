// Calls of 重要通知: list, unread count, detail (records the read), publish, attachments, manage, receipts.
import type { ApiBody, ApiResponse, UploadAnswer } from '../../api/types.ts';
import { client, queryClient, unwrap, upload } from '../../request.ts';

export type NoticePage = ApiResponse<'/api/notices', 'get'>;
export type NoticeItem = NoticePage['items'][number];
export type Attachment = UploadAnswer<'/api/notices/attachments'>;
export type PublishInput = ApiBody<'/api/notices', 'post'>;
export type ReceiptsPage = ApiResponse<'/api/notices/{id}/receipts', 'get'>;

export const noticesKey = ['notices'] as const;
export const unreadKey = ['notices', 'unread-count'] as const;

export const listNotices = (query: { q?: string; page: number; pageSize: number }) =>
  unwrap(client.GET('/api/notices', { params: { query } }));
export const unreadCount = () => unwrap(client.GET('/api/notices/unread-count'));
export const getNotice = (id: number) => unwrap(client.GET('/api/notices/{id}', { params: { path: { id } } }));
export const publishNotice = (input: PublishInput) => unwrap(client.POST('/api/notices', { body: input }));
export const manageNotice = (id: number, action: 'PIN' | 'UNPIN' | 'WITHDRAW') =>
  unwrap(client.POST('/api/notices/{id}/manage', { params: { path: { id } }, body: { action } }));
export const getReceipts = (
  id: number,
  query: { status: 'read' | 'unread'; q?: string; page: number; pageSize: number },
) => unwrap(client.GET('/api/notices/{id}/receipts', { params: { path: { id }, query } }));

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload('/api/notices/attachments', form);
}

export const attachmentUrl = (noticeId: number, attachmentId: number) =>
  `/api/notices/${noticeId}/attachments/${attachmentId}`;

/** After reading, publishing or managing: the list and the badge are stale. */
export function refreshNotices(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: noticesKey });
}

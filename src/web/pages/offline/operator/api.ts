// Calls of the 填报单位's offline actions: its offline view, 下线申请 (with the closure document), 完成下线, 恢复上线.
import type { ApiBody, ApiResponse, UploadAnswer } from '../../../api/types.ts';
import { client, unwrap, upload } from '../../../request.ts';

export type OperatorView = ApiResponse<'/api/site/offline', 'get'>;
export type ApplyInput = ApiBody<'/api/site/offline/requests', 'post'>;
export type ApplyResult = ApiResponse<'/api/site/offline/requests', 'post'>;
export type CompleteInput = ApiBody<'/api/site/offline/complete', 'post'>;
export type StatusResult = ApiResponse<'/api/site/offline/complete', 'post'>;
export type Attachment = UploadAnswer<'/api/site/offline/attachments'>;

/** Under the site workspace's key: invalidating ['site'] refreshes the home and this view together. */
export const offlineViewKey = ['site', 'offline'] as const;

export function getOfflineView(): Promise<OperatorView> {
  return unwrap(client.GET('/api/site/offline'));
}

export function applyOffline(input: ApplyInput): Promise<ApplyResult> {
  return unwrap(client.POST('/api/site/offline/requests', { body: input }));
}

export function uploadOfflineAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return upload('/api/site/offline/attachments', form);
}

export function completeOffline(input: CompleteInput): Promise<StatusResult> {
  return unwrap(client.POST('/api/site/offline/complete', { body: input }));
}

export function restoreOnline(): Promise<StatusResult> {
  return unwrap(client.POST('/api/site/offline/restore'));
}

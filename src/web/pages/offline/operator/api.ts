// Calls of the 填报单位's offline actions: its offline view, 下线申请 (with the closure document), 完成下线, 恢复上线.
import type { z } from 'zod';
import type {
  applyBody,
  applyResult,
  attachmentView,
  completeBody,
  operatorView,
  siteStatusResult,
} from '../../../../server/modules/offline/schema.ts';
import { api } from '../../../request.ts';

export type OperatorView = z.infer<typeof operatorView>;
export type ApplyInput = z.input<typeof applyBody>;
export type ApplyResult = z.infer<typeof applyResult>;
export type CompleteInput = z.input<typeof completeBody>;
export type StatusResult = z.infer<typeof siteStatusResult>;
export type Attachment = z.infer<typeof attachmentView>;

/** Under the site workspace's key: invalidating ['site'] refreshes the home and this view together. */
export const offlineViewKey = ['site', 'offline'] as const;

export function getOfflineView(): Promise<OperatorView> {
  return api.get<OperatorView>('/api/site/offline');
}

export function applyOffline(input: ApplyInput): Promise<ApplyResult> {
  return api.post('/api/site/offline/requests', input);
}

export function uploadOfflineAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Attachment>('/api/site/offline/attachments', form);
}

export function completeOffline(input: CompleteInput): Promise<StatusResult> {
  return api.post('/api/site/offline/complete', input);
}

export function restoreOnline(): Promise<StatusResult> {
  return api.post('/api/site/offline/restore', {});
}

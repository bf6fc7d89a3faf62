// Calls of 下线审核: the list, 通过 / 驳回, the attachment and the site's 审核流水.
import type { ApiQuery, ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type OfflinePage = ApiResponse<'/api/offline-requests', 'get'>;
export type OfflineRow = OfflinePage['items'][number];
export type TransitionResult = ApiResponse<'/api/offline-requests/{id}/approve', 'post'>;
export type AuditTrail = ApiResponse<'/api/sites/{id}/audit', 'get'>;

/** Every query of this page starts with this key. */
export const offlineReviewKey = ['offline-review'] as const;

export const FILTER_PARAMS = ['kind', 'status', 'name', 'siteCode', 'includeDeleted'] as const;

export function listOfflineRequests(query: ApiQuery<'/api/offline-requests', 'get'>): Promise<OfflinePage> {
  return unwrap(client.GET('/api/offline-requests', { params: { query } }));
}

export function approveOffline(id: number, version: number): Promise<TransitionResult> {
  return unwrap(client.POST('/api/offline-requests/{id}/approve', { params: { path: { id } }, body: { version } }));
}

export function returnOffline(id: number, reason: string, version: number): Promise<TransitionResult> {
  return unwrap(
    client.POST('/api/offline-requests/{id}/return', { params: { path: { id } }, body: { reason, version } }),
  );
}

export function getSiteAudit(siteId: number): Promise<AuditTrail> {
  return unwrap(client.GET('/api/sites/{id}/audit', { params: { path: { id: siteId } } }));
}

export const attachmentUrl = (id: number) => `/api/offline-requests/${id}/attachment`;

// Calls of 下线审核: the list, 通过 / 驳回, the attachment and the site's 审核流水.
import type { z } from 'zod';
import type { offlinePage, offlineRow, transitionResult } from '../../../../server/modules/offline/schema.ts';
import type { auditTrail } from '../../../../server/modules/review/schema.ts';
import { api, type QueryParams } from '../../../request.ts';

export type OfflineRow = z.infer<typeof offlineRow>;
export type OfflinePage = z.infer<typeof offlinePage>;
export type TransitionResult = z.infer<typeof transitionResult>;
export type AuditTrail = z.infer<typeof auditTrail>;

/** Every query of this page starts with this key. */
export const offlineReviewKey = ['offline-review'] as const;

export const FILTER_PARAMS = ['kind', 'status', 'name', 'siteCode', 'includeDeleted'] as const;

export function listOfflineRequests(query: QueryParams): Promise<OfflinePage> {
  return api.get<OfflinePage>('/api/offline-requests', query);
}

export function approveOffline(id: number, version: number): Promise<TransitionResult> {
  return api.post(`/api/offline-requests/${id}/approve`, { version });
}

export function returnOffline(id: number, reason: string, version: number): Promise<TransitionResult> {
  return api.post(`/api/offline-requests/${id}/return`, { reason, version });
}

export function getSiteAudit(siteId: number): Promise<AuditTrail> {
  return api.get<AuditTrail>(`/api/sites/${siteId}/audit`);
}

export const attachmentUrl = (id: number) => `/api/offline-requests/${id}/attachment`;

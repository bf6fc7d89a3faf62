// Calls of 政府网站和栏目基本信息表: the list, 审核 / 退回, the bulk actions, 查看, 审核流水 and the xlsx downloads.
import type { ApiQuery, ApiResponse } from '../../../api/types.ts';
import { client, unwrap } from '../../../request.ts';

export type SitePage = ApiResponse<'/api/sites', 'get'>;
export type SiteRow = SitePage['items'][number];
export type SiteDetail = ApiResponse<'/api/sites/{id}', 'get'>;
export type AuditTrail = ApiResponse<'/api/sites/{id}/audit', 'get'>;
export type BulkResult = ApiResponse<'/api/requests/bulk-approve', 'post'>;
export type TransitionResult = ApiResponse<'/api/requests/{id}/approve', 'post'>;
export type LinkHealthView = ApiResponse<'/api/sites/{id}/link-health', 'get'>;

/** Every query of this page starts with this key: invalidating it refreshes the list, the drawer and its 流水. */
export const sitesKey = ['sites'] as const;

/** The list's URL parameters, passed through to the API as they are (the same names on both sides). */
export const FILTER_PARAMS = [
  'name',
  'siteCode',
  'homeUrl',
  'province',
  'city',
  'county',
  'isPortal',
  'isServicePlatform',
  'runStatus',
  'includeDeleted',
  'orgStatus',
  'sponsor',
  'requestType',
  'waitingForMe',
  'linkHealth',
  'sort',
  'order',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type SiteQuery = Partial<Record<FilterParam, string>> & { page: number; pageSize: number };

export function listSites(query: SiteQuery): Promise<SitePage> {
  // The filters are the page URL's text, passed on as typed; the server validates them (a 400 with its message).
  return unwrap(client.GET('/api/sites', { params: { query: query as ApiQuery<'/api/sites', 'get'> } }));
}

export function getSite(id: number): Promise<SiteDetail> {
  return unwrap(client.GET('/api/sites/{id}', { params: { path: { id } } }));
}

/** The latest nightly check of one site: every address with its result, and the footer findings. */
export function getLinkHealth(id: number): Promise<LinkHealthView> {
  return unwrap(client.GET('/api/sites/{id}/link-health', { params: { path: { id } } }));
}

export function getSiteAudit(id: number): Promise<AuditTrail> {
  return unwrap(client.GET('/api/sites/{id}/audit', { params: { path: { id } } }));
}

export function approveRequest(id: number, version: number): Promise<TransitionResult> {
  return unwrap(client.POST('/api/requests/{id}/approve', { params: { path: { id } }, body: { version } }));
}

export function returnRequest(id: number, reason: string, version: number): Promise<TransitionResult> {
  return unwrap(client.POST('/api/requests/{id}/return', { params: { path: { id } }, body: { reason, version } }));
}

export function bulkApprove(ids: number[]): Promise<BulkResult> {
  return unwrap(client.POST('/api/requests/bulk-approve', { body: { ids } }));
}

export function bulkSubmit(ids: number[]): Promise<BulkResult> {
  return unwrap(client.POST('/api/requests/bulk-submit', { body: { ids } }));
}

export type OrgUnitPage = ApiResponse<'/api/org-units', 'get'>;

/** The units directly under `parentCode` (for the cascading 省/市/县 filters); at most 100 per level. */
export function listChildOrgs(parentCode: string): Promise<OrgUnitPage> {
  return unwrap(client.GET('/api/org-units', { params: { query: { parentCode, page: 1, pageSize: 100 } } }));
}

export type ResetCheckCodeResult = ApiResponse<'/api/sites/{id}/reset-check-code', 'post'>;

/** 重置校验码: the new code, returned once. */
export function resetCheckCode(id: number): Promise<ResetCheckCodeResult> {
  return unwrap(client.POST('/api/sites/{id}/reset-check-code', { params: { path: { id } } }));
}

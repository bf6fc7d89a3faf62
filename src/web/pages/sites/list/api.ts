// Calls of 政府网站和栏目基本信息表: the list, 审核 / 退回, the bulk actions, 查看, 审核流水 and the xlsx downloads.
import type { z } from 'zod';
import type { resetCheckCodeResult } from '../../../../server/modules/issuance/schema.ts';
import type { linkHealthView } from '../../../../server/modules/link-checks/schema.ts';
import type { orgUnitPage } from '../../../../server/modules/org-units/schema.ts';
import type {
  auditTrail,
  bulkResult,
  siteDetail,
  siteListItem,
  sitePage,
  transitionResult,
} from '../../../../server/modules/review/schema.ts';
import { t } from '../../../locales/zh-CN.ts';
import { ApiError, api, type QueryParams } from '../../../request.ts';

export type SiteRow = z.infer<typeof siteListItem>;
export type SitePage = z.infer<typeof sitePage>;
export type SiteDetail = z.infer<typeof siteDetail>;
export type AuditTrail = z.infer<typeof auditTrail>;
export type BulkResult = z.infer<typeof bulkResult>;
export type TransitionResult = z.infer<typeof transitionResult>;
export type LinkHealthView = z.infer<typeof linkHealthView>;

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
  return api.get<SitePage>('/api/sites', query);
}

export function getSite(id: number): Promise<SiteDetail> {
  return api.get<SiteDetail>(`/api/sites/${id}`);
}

/** The latest nightly check of one site: every address with its result, and the footer findings. */
export function getLinkHealth(id: number): Promise<LinkHealthView> {
  return api.get<LinkHealthView>(`/api/sites/${id}/link-health`);
}

export function getSiteAudit(id: number): Promise<AuditTrail> {
  return api.get<AuditTrail>(`/api/sites/${id}/audit`);
}

export function approveRequest(id: number, version: number): Promise<TransitionResult> {
  return api.post(`/api/requests/${id}/approve`, { version });
}

export function returnRequest(id: number, reason: string, version: number): Promise<TransitionResult> {
  return api.post(`/api/requests/${id}/return`, { reason, version });
}

export function bulkApprove(ids: number[]): Promise<BulkResult> {
  return api.post('/api/requests/bulk-approve', { ids });
}

export function bulkSubmit(ids: number[]): Promise<BulkResult> {
  return api.post('/api/requests/bulk-submit', { ids });
}

function fileNameOf(disposition: string | null): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'export.xlsx';
}

/** Fetches an xlsx export and hands it to the browser as a download under the server's file name. */
export async function downloadExport(path: string, query: QueryParams): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  let response: Response;
  try {
    response = await fetch(`${path}?${params}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t.request.network);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? 'HTTP_ERROR', body.message ?? t.request.badResponse);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type OrgUnitPage = z.infer<typeof orgUnitPage>;

/** The units directly under `parentCode` (for the cascading 省/市/县 filters); at most 100 per level. */
export function listChildOrgs(parentCode: string): Promise<OrgUnitPage> {
  return api.get<OrgUnitPage>('/api/org-units', { parentCode, page: 1, pageSize: 100 });
}

export type ResetCheckCodeResult = z.infer<typeof resetCheckCodeResult>;

/** 重置校验码: the new code, returned once. */
export function resetCheckCode(id: number): Promise<ResetCheckCodeResult> {
  return api.post<ResetCheckCodeResult>(`/api/sites/${id}/reset-check-code`, {});
}
